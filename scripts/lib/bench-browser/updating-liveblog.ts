/**
 * The view following a live liveblog: the 1 MB liveblog fixture at an address of its own, plus a
 * script that, once started, puts a new moment at its top every 2 s for 60 s, made from the page's
 * own moment markup. The view is opened first; every update it then takes is the content script's
 * re-read of the page (leesrust:follow-read: detect and extract) and the view's taking of the new
 * reading (leesrust:follow-apply: the diff, the new blocks, the place kept), both in one task.
 */
import type { Fixture } from "../fixtures";
import { withPageScript } from "./mutating-page";
import type { MeasureEntry } from "./page-probes";
import { BrokenRun } from "./protocol";
import { pageTasks, type TraceEvent } from "./page-trace";

export const UPDATING_URL = "https://www.ad.nl/binnenland/live-hittegolf-bench~a0f1e2d4/";
export const UPDATE_EVERY_MS = 2000;
export const UPDATE_FOR_MS = 60_000;

declare global {
  interface Window {
    __benchLive?: { start(): void; done?: { ticks: number; endedAt: number } };
  }
}

/** Runs in the page (its source is inlined): new moments at the top, cloned from the newest one. */
function liveUpdates(everyMs: number, forMs: number): void {
  const live: NonNullable<Window["__benchLive"]> = {
    start() {
      const first = document.querySelector('[data-test-id="liveblog-moment"]')!.parentElement!;
      const started = performance.now();
      let ticks = 0;
      const timer = setInterval(() => {
        ticks += 1;
        const time = `23:${String(ticks).padStart(2, "0")}`;
        const wrapper = first.cloneNode(true) as HTMLElement;
        const moment = wrapper.querySelector("article")!;
        moment.id = `moment-bench-${ticks}`;
        const heading = moment.querySelector("h2")!;
        heading.replaceChildren(Object.assign(document.createElement("time"), { dateTime: `2025-07-01T${time}:00+02:00`, textContent: time }), ` Nieuw bericht ${ticks}`);
        moment.querySelectorAll("p").forEach((p, i) => (p.textContent = `Bericht ${ticks}, alinea ${i + 1}: het KNMI meldt om ${time} nog altijd ${30 + (ticks % 8)} graden in het oosten van het land.`));
        first.parentElement!.prepend(wrapper);
        if (performance.now() - started >= forMs) {
          clearInterval(timer);
          live.done = { ticks, endedAt: performance.now() };
        }
      }, everyMs);
    },
  };
  window.__benchLive = live;
}

export const updatingLiveblogFixture = (): Fixture =>
  withPageScript("ad-current-liveblog-hittegolf-large", UPDATING_URL, "generated-updating-liveblog", liveUpdates, UPDATE_EVERY_MS, UPDATE_FOR_MS);

/** One update: the re-read and the view's taking of it, wall ms each (start of the read, page clock). */
export interface Update {
  start: number;
  read: number;
  apply: number;
}

/** Pairs each re-read with the view's apply that followed it; fails when the view took fewer updates than the page made. */
export function updatesOf(measures: MeasureEntry[], ticks: number, where: string): Update[] {
  const reads = measures.filter((m) => m.name === "leesrust:follow-read");
  const applies = measures.filter((m) => m.name === "leesrust:follow-apply");
  const updates = reads.flatMap((read) => {
    const apply = applies.find((a) => a.start >= read.start);
    return apply ? [{ start: read.start, read: read.duration, apply: apply.duration }] : [];
  });
  // Updates 2 s apart and reads at most one a second: one read for each new moment.
  if (updates.length < ticks) throw new BrokenRun(`The view took ${updates.length} updates of the liveblog's ${ticks} new moments ${where}.`);
  return updates;
}

/** Runs in the view: how many of the bench's moments it shows. */
export function benchMomentsShown(root: ShadowRoot | null): number {
  return Array.from(root?.querySelectorAll('[data-block="heading"]') ?? []).filter((h) => / Nieuw bericht \d+$/.test(h.textContent ?? "")).length;
}

/** Chromium: the main-thread CPU of each task that began an update (its re-read and the view's apply run in it), ms. */
export function updateTasksCpu(events: TraceEvent[]): number[] {
  return events
    .filter((e) => e.cat === "blink.user_timing" && e.ph === "b" && e.name === "leesrust:follow-read")
    .map((begin) => pageTasks(events, begin.pid, begin.tid).find((t) => t.start <= begin.ts && t.end >= begin.ts))
    .filter((task) => task !== undefined)
    .map((task) => task.cpu / 1000);
}
