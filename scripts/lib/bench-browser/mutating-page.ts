/**
 * The "cost of waiting" page: a real AD article layout with nothing blocked on it (the
 * no-markers fixture), served at its own ad.nl address, plus a script that appends, replaces
 * and retexts nodes every 16 ms for 10 s. The content script finds nothing on it, so its
 * page watch keeps re-checking until it gives up: the worst case for the watch's cost.
 */
import type { Fixture } from "../fixtures";
import { loadFixture } from "../fixtures";

export const MUTATING_URL = "https://www.ad.nl/binnenland/mutating~a1/";
export const MUTATE_EVERY_MS = 16;
export const MUTATE_FOR_MS = 10_000;

declare global {
  interface Window {
    /** Set by the page when it stops mutating: how many ticks it ran, and when it stopped. */
    __benchMutations?: { ticks: number; endedAt: number };
  }
}

/** Runs in the page (its source is inlined): the live-blog-like churn. */
function churn(everyMs: number, forMs: number): void {
  const feed = document.createElement("section");
  feed.id = "bench-live-feed";
  const clock = document.createElement("p");
  clock.append("0");
  feed.append(clock);
  (document.getElementById("main") ?? document.body).append(feed);
  const started = performance.now();
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
    const item = document.createElement("div");
    item.className = "live-item";
    const p = document.createElement("p");
    p.textContent = `Update ${ticks}: de temperatuur in Maastricht is nu ${20 + (ticks % 15)} graden.`;
    item.append(p);
    feed.insertBefore(item, clock.nextSibling);
    if (feed.childElementCount > 40) feed.lastElementChild?.replaceWith(item.cloneNode(true));
    (clock.firstChild as Text).data = String(ticks);
    if (performance.now() - started >= forMs) {
      clearInterval(timer);
      window.__benchMutations = { ticks, endedAt: performance.now() };
    }
  }, everyMs);
}

/** A fixture served at `url` of its own, with `run(...args)` run by the page at the end of its body. */
export function withPageScript<A extends unknown[]>(fixture: string, url: string, name: string, run: (...args: A) => void, ...args: A): Fixture {
  const base = loadFixture(fixture);
  const script = `<script>(${run.toString()})(${args.map((a) => JSON.stringify(a)).join(", ")});</script>`;
  const html = base.html
    .replace(/<link rel="canonical" href="[^"]*"/, `<link rel="canonical" href="${url}"`)
    .replace(/<\/body\s*>/i, `${script}</body>`);
  return { name, html, expected: { ...base.expected, url } };
}

export const mutatingFixture = (): Fixture => withPageScript("ad-current-no-markers", MUTATING_URL, "generated-mutating", churn, MUTATE_EVERY_MS, MUTATE_FOR_MS);
