/**
 * Following a liveblog cheaply: when the page only added moments, the tab session reads the added
 * elements alone (core fragment.ts) and puts their blocks in beside their neighbours' (core
 * added-blocks.ts) instead of reading the whole page again. The article it hands the view must be
 * the article a full re-read gives, on the 1 MB liveblog and on the browser tests' live page
 * (whose own script adds, edits, removes and redraws moments), newest first and oldest first;
 * everything but adding goes the full way.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { JSDOM } from "jsdom";
import type { Article } from "../../src/core/index";
import { readParts } from "../../src/core/fragment";
import { assessPage } from "../../src/inject/assess-page";
import { TabSession } from "../../src/inject/tab-session";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { resetSettingsStore } from "../../src/shared/settings-store";
import { loadFixture } from "../../scripts/lib/fixtures";
import { join } from "node:path";
import { clearStorage } from "./helpers";

interface LivePage {
  add(moments: { time: string; title: string; paragraphs: string[]; image?: { src: string; alt: string; caption: string }; blocked?: boolean }[]): void;
  edit(title: string, text: string): void;
  remove(title: string): void;
  rerender(): void;
  reset(order: "newest" | "oldest"): void;
}

/** A page in jsdom with a session on it whose view is a stand-in recording what it is handed; the full and the partial reads counted. */
async function following(win: JSDOM["window"]) {
  const refresh = vi.fn<(article: Article) => void>();
  const assess = vi.fn(assessPage);
  const parts = vi.fn(readParts);
  const tab = new TabSession(
    {
      doc: win.document,
      assess,
      readParts: parts,
      prepareView: () => ({ warm: () => undefined, open: () => ({ close: vi.fn(), update: vi.fn(), refresh }) }),
      t: (key) => key,
      report: () => undefined,
    },
    DEFAULT_SETTINGS,
  );
  await tab.handle({ type: "leesrust:set-view", open: true });
  expect(tab.status().state).toBe("open");
  const reads = { full: () => assess.mock.calls.length, partial: () => parts.mock.results.filter((r) => r.value !== null).length };
  /** Lets the page change, waits for the view to be handed the new reading, and returns it. */
  const next = async (change: () => void): Promise<Article> => {
    const before = refresh.mock.calls.length;
    change();
    await vi.waitFor(() => expect(refresh.mock.calls.length).toBe(before + 1), { timeout: 4000, interval: 20 });
    return refresh.mock.calls.at(-1)![0];
  };
  const fullRead = () => assessPage(win.document, win.location.href).article;
  return { tab, reads, next, fullRead };
}

const TRACKER = "https://www.facebook.com/tr?id=1&ev=PageView";

/** A moment as DPG's liveblog template has it, in the large fixture's markup: a paragraph, a photo from a DPG host, a tracking pixel, a blocked post. */
function largeMoment(template: Element, n: number): Element {
  const wrapper = template.cloneNode(true) as Element;
  const moment = wrapper.querySelector("article")!;
  moment.id = `moment-test-${n}`;
  const time = `23:${String(n).padStart(2, "0")}`;
  moment.innerHTML =
    `<h2><time datetime="2025-07-01T${time}:00+02:00">${time}</time> Nieuw bericht ${n}</h2>` +
    `<p data-ats-category="paragraph">Bericht ${n}: het KNMI meldt om ${time} nog altijd 31 graden.</p>` +
    `<div><span>Tekst gaat verder onder de foto.</span></div><figure><img src="https://images.ad.nl/test/moment-${n}.jpg" alt="Foto ${n}"><figcaption><span>Hitte in Utrecht.</span> <span>© ANP</span></figcaption></figure>` +
    `<img src="${TRACKER}" width="1" height="1" alt="">` +
    `<div data-tweet-id="1940${n}"><div><h3>Onze excuses</h3><p>Helaas kunnen wij deze social post, liveblog of anders niet tonen omdat het één of meerdere social media-elementen bevat. <button type="button">Aanvaard de social media-cookies</button> om deze inhoud alsnog te tonen.</p></div></div>`;
  return wrapper;
}

const images = (article: Article) => article.blocks.flatMap((b) => (b.type === "figure" ? [b.src] : []));

beforeEach(async () => {
  resetSettingsStore();
  await clearStorage();
});

describe("following the 1 MB liveblog by its added moments", () => {
  it("reads only what the page adds, newest first and oldest first, and hands the view what a full re-read gives", async () => {
    const { html, expected } = loadFixture("ad-current-liveblog-hittegolf-large");
    const win = new JSDOM(html, { url: expected.url }).window;
    const doc = win.document;
    const { reads, next, fullRead } = await following(win);
    const first = doc.querySelector('[data-test-id="liveblog-moment"]')!.parentElement!;
    const list = first.parentElement!;
    const fullAtOpen = reads.full();

    // Newest first: the page puts one moment, then two at once, at the top.
    let article = await next(() => list.prepend(largeMoment(first, 1)));
    expect(article).toEqual(fullRead());
    article = await next(() => list.prepend(largeMoment(first, 2), largeMoment(first, 3)));
    expect(article).toEqual(fullRead());
    expect(article.blocks.filter((b) => b.type === "heading" && / Nieuw bericht \d$/.test(b.text)).map((b) => ("text" in b ? b.text : ""))).toEqual(["23:02 Nieuw bericht 2", "23:03 Nieuw bericht 3", "23:01 Nieuw bericht 1"]);
    expect(images(article)).toContain("https://images.ad.nl/test/moment-3.jpg");
    expect(images(article)).not.toContain(TRACKER);
    expect(article.blocks.filter((b) => b.type === "embed").length).toBe(fullRead()!.blocks.filter((b) => b.type === "embed").length);
    expect(article.modified).toBe("2025-07-01T23:03:00+02:00");

    // Oldest first: one at the bottom of the list.
    article = await next(() => list.append(largeMoment(first, 4)));
    expect(article).toEqual(fullRead());
    expect(article.blocks.some((b) => b.type === "heading" && b.text === "23:04 Nieuw bericht 4")).toBe(true);

    expect(reads.full()).toBe(fullAtOpen);
    expect(reads.partial()).toBe(3);
  });
});

describe("following the browser tests' live page (its own script changes it)", () => {
  async function livePage() {
    const { html, expected } = loadFixture("live-liveblog", join(process.cwd(), "test/e2e/pages"));
    const win = new JSDOM(html, { url: expected.url, runScripts: "dangerously" }).window;
    const live = (win as unknown as { __live: LivePage }).__live;
    return { win, live, ...(await following(win)) };
  }
  const moments = [
    { time: "21:50", title: "Onweer op komst in het zuiden", paragraphs: ["Het KNMI waarschuwt voor zware buien."], image: { src: "https://images.ad.nl/hitte/onweer.jpg", alt: "Onweerswolken", caption: "Onweerswolken boven Eindhoven." } },
    { time: "22:05", title: "Stroomstoring in Den Bosch", paragraphs: ["Duizenden huishoudens zitten zonder stroom."], image: { src: TRACKER, alt: "", caption: "Een donkere straat." }, blocked: true },
  ];

  it("takes added moments, with the header's new update time, by reading them alone, newest first and oldest first", async () => {
    const { live, reads, next, fullRead } = await livePage();
    const fullAtOpen = reads.full();
    let article = await next(() => live.add(moments));
    expect(article).toEqual(fullRead());
    expect(images(article)).toContain("https://images.ad.nl/hitte/onweer.jpg");
    expect(images(article)).not.toContain(TRACKER);
    expect(article.blocks.some((b) => b.type === "embed")).toBe(true);
    expect(reads.full()).toBe(fullAtOpen);

    // The list put in the other order is drawn anew: a full read; then a moment at the bottom is read alone.
    await next(() => live.reset("oldest"));
    const afterRedraw = reads.full();
    expect(afterRedraw).toBe(fullAtOpen + 1);
    article = await next(() => live.add([{ time: "22:35", title: "Eerste regen valt in Limburg", paragraphs: ["In Maastricht valt de eerste regen van de week."] }]));
    expect(article).toEqual(fullRead());
    expect(article.blocks.filter((b) => b.type === "heading").at(-1)).toMatchObject({ text: "22:35 Eerste regen valt in Limburg" });
    expect(reads.full()).toBe(afterRedraw);
  });

  it("leaves an ad the page fills in the body alone, and reads the page whole for loose text", async () => {
    const { win, reads, next, fullRead } = await livePage();
    const doc = win.document;
    const full = reads.full();
    const slot = doc.getElementById("div-gpt-ad-1-live")!;
    slot.append(Object.assign(doc.createElement("div"), { textContent: "Koop nu een airco" }));
    await vi.waitFor(() => expect(reads.partial()).toBe(1), { timeout: 4000, interval: 20 });
    expect(reads.full()).toBe(full);
    const article = await next(() => doc.querySelector("#moment-2 p")!.append(" Ook in Zeeland."));
    expect(article).toEqual(fullRead());
    expect(reads.full()).toBe(full + 1);
  });

  it("reads the whole page again after an edit, a removal or a redraw", async () => {
    const { live, reads, next, fullRead } = await livePage();
    let full = reads.full();
    let article = await next(() => live.edit("Drukte op de stranden houdt aan", "Het is nog altijd druk op de stranden."));
    expect(article).toEqual(fullRead());
    expect(reads.full()).toBe(++full);
    article = await next(() => live.remove("Dierentuin sluit vroeger"));
    expect(article).toEqual(fullRead());
    expect(reads.full()).toBe(++full);
    expect(article.blocks.some((b) => b.type === "heading" && b.text.includes("Dierentuin"))).toBe(false);
    // A redraw gives equal blocks: read whole, nothing new for the view.
    live.rerender();
    await vi.waitFor(() => expect(reads.full()).toBe(full + 1), { timeout: 4000, interval: 20 });
    const partial = reads.partial();
    article = await next(() => live.add([moments[0]!]));
    expect(article).toEqual(fullRead());
    expect(reads.partial()).toBe(partial + 1);
  });
});
