/**
 * The view following the page, in jsdom: the block diff (what a redraw, an edit, new moments at
 * either end and a removal come to), the place kept on a laid-out stand-in (jsdom lays nothing
 * out, so each block gets a height and the boxes follow from them and the scroll position), and the
 * view taking a liveblog's new reading and an article's changed body through its handle.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Article, Block } from "../../src/core/article";
import { blockKey, diffBlocks } from "../../src/inject/view/block-diff";
import { placeOnScreen, restorePlace } from "../../src/inject/view/keep-place";
import { closeAll, openWhole, type OpenedView } from "./helpers";

vi.mock("../../src/inject/view/load-module", () => import("./lazy-modules"));

const p = (text: string): Block => ({ type: "paragraph", text });
const moment = (time: string, title: string): Block[] => [{ type: "heading", level: 2, text: `${time} ${title}` }, p(`${title}: wat er om ${time} gebeurde.`)];
const keys = (blocks: Block[]) => blocks.map(blockKey);

describe("the block diff", () => {
  const shown = [p("Inleiding"), ...moment("21:00", "Brand"), ...moment("20:00", "File"), ...moment("19:00", "Hitte")];

  it("keeps every block of a redraw with equal content", () => {
    const again = structuredClone(shown);
    expect(diffBlocks(keys(shown), keys(again))).toEqual({ from: shown.map((_, i) => i), removed: [] });
  });

  it("finds new moments at the newest end, at the top or at the bottom", () => {
    const top = [p("Inleiding"), ...moment("22:00", "Onweer"), ...shown.slice(1)];
    expect(diffBlocks(keys(shown), keys(top))).toEqual({ from: [0, -1, -1, 1, 2, 3, 4, 5, 6], removed: [] });
    const bottom = [...shown, ...moment("22:00", "Onweer")];
    expect(diffBlocks(keys(shown), keys(bottom))).toEqual({ from: [0, 1, 2, 3, 4, 5, 6, -1, -1], removed: [] });
  });

  it("replaces an edited block alone, and drops a removed moment", () => {
    const edited = shown.map((b, i) => (i === 4 ? p("File: langer dan gedacht.") : b));
    expect(diffBlocks(keys(shown), keys(edited))).toEqual({ from: [0, 1, 2, 3, -1, 5, 6], removed: [4] });
    const removed = [...shown.slice(0, 3), ...shown.slice(5)];
    expect(diffBlocks(keys(shown), keys(removed))).toEqual({ from: [0, 1, 2, 5, 6], removed: [3, 4] });
  });

  it("keeps order with repeated blocks and with a middle too large to compare cell by cell", () => {
    const twice = [p("a"), p("b"), p("a"), p("b")];
    expect(diffBlocks(keys(twice), keys([p("a"), p("x"), p("b"), p("a"), p("b")]))).toEqual({ from: [0, -1, 1, 2, 3], removed: [] });
    const many = Array.from({ length: 400 }, (_, i) => p(`blok ${i}`));
    const next = [p("nieuw"), ...many.filter((_, i) => i % 7 !== 3), p("einde")];
    const { from, removed } = diffBlocks(keys([p("begin"), ...many]), keys(next));
    const kept = from.filter((i) => i >= 0);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(kept).toHaveLength(next.length - 2);
    expect(removed).toHaveLength(1 + many.length - kept.length);
  });
});

/**
 * jsdom lays nothing out: each element of `flow` gets the height the map gives it (0: not laid
 * out), stacked from the scroller's top, and the scroller's scrollTop is a plain number.
 */
function fakeLayout(scroller: HTMLElement, flow: () => Element[], heights: WeakMap<Element, number>, defaultPx = 40) {
  let scrollTop = 0;
  Object.defineProperty(scroller, "scrollTop", { get: () => scrollTop, set: (v: number) => (scrollTop = Math.max(0, v)), configurable: true });
  const rect = (top: number, height: number) => ({ top, bottom: top + height, height, width: height ? 600 : 0, left: 0, right: height ? 600 : 0, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
  scroller.getBoundingClientRect = () => rect(0, 800);
  const boxOf = (el: Element) => {
    let y = -scrollTop;
    for (const other of flow()) {
      const height = heights.get(other) ?? defaultPx;
      if (other === el) return rect(y, height);
      y += height;
    }
    return rect(0, 0);
  };
  const proto = Element.prototype;
  const original = proto.getBoundingClientRect;
  proto.getBoundingClientRect = function (this: Element) {
    return this === scroller ? rect(0, 800) : boxOf(this);
  };
  // The view measures its column from the text's line boxes; none here, so it takes its default.
  const lines = Range.prototype.getClientRects;
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  return () => {
    proto.getBoundingClientRect = original;
    Range.prototype.getClientRects = lines;
  };
}

describe("keeping the reader's place", () => {
  it("finds the block at the top of the screen, hidden ones skipped, and puts it back after a change above it", () => {
    const scroller = document.createElement("div");
    const items = Array.from({ length: 30 }, (_, i) => Object.assign(document.createElement("p"), { textContent: `blok ${i}` }));
    scroller.append(...items);
    const heights = new WeakMap<Element, number>([[items[11]!, 0]]);
    const restore = fakeLayout(scroller, () => [...scroller.children], heights);
    try {
      scroller.scrollTop = 11 * 40 + 5;
      const place = placeOnScreen(scroller, items)!;
      expect(place.element.textContent).toBe("blok 12");
      expect(place.top).toBe(-5);

      const added = Array.from({ length: 3 }, () => document.createElement("h2"));
      heights.set(added[1]!, 90);
      items[0]!.before(...added);
      restorePlace(scroller, place);
      expect(placeOnScreen(scroller, [...scroller.children])).toEqual(place);

      items[5]!.remove();
      restorePlace(scroller, place);
      expect(placeOnScreen(scroller, [...scroller.children])).toEqual(place);
    } finally {
      restore();
    }
  });
});

function liveblog(blocks: Block[], modified = "2025-07-01T21:00:00+02:00"): Article {
  return { title: "LIVE | Hitte", intro: "Het is warm.", byline: null, published: "2025-07-01T09:00:00+02:00", modified, site: "AD", url: "https://www.ad.nl/binnenland/live~a1/", lang: "nl", paywall: false, blocks };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const blockElements = (view: OpenedView) => view.$$("article > [data-block]");

describe("the view taking the page's new reading", () => {
  let restore = () => undefined as unknown;
  afterEach(() => {
    restore();
    closeAll();
  });

  const moments = [...moment("21:00", "Brand"), ...moment("20:00", "File"), ...moment("19:00", "Hitte"), ...moment("18:00", "Zwembad"), ...moment("17:00", "Trein")];

  it("puts a liveblog's new moments at the top, keeps the nodes of unchanged blocks and the reader's place, updates the dateline and says how many are new", async () => {
    const view = await openWhole(liveblog(moments));
    const scroller = view.$(".lr-root");
    const article = view.$("article");
    restore = fakeLayout(scroller, () => [...article.children], new WeakMap());
    const before = blockElements(view);
    scroller.scrollTop = 5 * 40 + 12;
    const place = placeOnScreen(scroller, [...article.children])!;

    view.handle.refresh(liveblog([...moment("22:15", "Onweer"), ...moment("21:30", "Stroomstoring"), ...moments], "2025-07-01T22:15:00+02:00"));
    // The first reading loads live.js.
    await vi.waitFor(() => expect(blockElements(view)).toHaveLength(moments.length + 4));
    const after = blockElements(view);
    expect(after.map((el) => el.textContent).slice(0, 4)).toEqual(["22:15 Onweer", "Onweer: wat er om 22:15 gebeurde.", "21:30 Stroomstoring", "Stroomstoring: wat er om 21:30 gebeurde."]);
    expect(after.slice(4), "the same nodes").toEqual(before);
    expect(placeOnScreen(scroller, [...article.children])).toEqual(place);
    // Counted in the next frame.
    await vi.waitFor(() => expect(view.$('[data-field="live-notice"]').textContent).toBe("2 nieuwe berichten"));
    expect(view.$('[data-field="live-notice"]').getAttribute("aria-live")).toBe("polite");
    expect(view.$('time[data-field="updated"]').getAttribute("datetime")).toBe(new Date("2025-07-01T22:15:00+02:00").toISOString());

    // A redraw with one moment edited: that block alone is new, in its place, and no moment is counted new.
    const edited = [...moment("22:15", "Onweer"), ...moment("21:30", "Stroomstoring"), ...moments].map((b) => (b.type === "paragraph" && b.text.startsWith("File") ? p("File: tot Utrecht.") : b));
    view.handle.refresh(liveblog(structuredClone(edited), "2025-07-01T22:15:00+02:00"));
    await settle();
    const third = blockElements(view);
    expect(third.map((el) => el.textContent)).toEqual(edited.map((b) => (b as { text: string }).text));
    expect(third.filter((el) => !after.includes(el)).map((el) => el.textContent)).toEqual(["File: tot Utrecht."]);
    expect(placeOnScreen(scroller, [...article.children])).toEqual(place);
    expect(view.$('[data-field="live-notice"]').textContent).toBe("2 nieuwe berichten");

    Element.prototype.scrollIntoView ??= vi.fn();
    view.$<HTMLButtonElement>('button[data-action="live-new"]').click();
    expect(view.shadow.activeElement?.textContent).toBe("22:15 Onweer");
    expect(view.$('[data-field="live-notice"]').textContent).toBe("");
  });

  it("needs no notice for new moments that come in on screen, the reader at the newest end", async () => {
    const view = await openWhole(liveblog(moments));
    const article = view.$("article");
    restore = fakeLayout(view.$(".lr-root"), () => [...article.children], new WeakMap());
    view.handle.refresh(liveblog([...moment("22:15", "Onweer"), ...moments]));
    await vi.waitFor(() => expect(blockElements(view)).toHaveLength(moments.length + 2));
    expect(blockElements(view)[0]!.textContent).toBe("22:15 Onweer");
    await new Promise((frame) => requestAnimationFrame(frame));
    expect(view.$('[data-field="live-notice"]').textContent).toBe("");
  });

  it("holds back a reading that lost most of the moments (a page in the middle of a redraw) until it lasts", async () => {
    const view = await openWhole(liveblog(moments));
    // live.js is loaded on the first reading; the page's later ones come with fake timers.
    const more = [...moment("22:00", "Onweer"), ...moments];
    view.handle.refresh(liveblog(more));
    await vi.waitFor(() => expect(blockElements(view)).toHaveLength(more.length));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      view.handle.refresh(liveblog(more.slice(0, 2)));
      await vi.advanceTimersByTimeAsync(50);
      expect(blockElements(view)).toHaveLength(more.length);
      view.handle.refresh(liveblog(more));
      await vi.advanceTimersByTimeAsync(3000);
      expect(blockElements(view)).toHaveLength(more.length);
      view.handle.refresh(liveblog(more.slice(0, 2)));
      await vi.advanceTimersByTimeAsync(3000);
      expect(blockElements(view)).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("says in one line that an ordinary article changed, and takes the change on the reader's click", async () => {
    const body = [p("Eerste alinea."), p("Tweede alinea."), p("Derde alinea.")];
    const view = await openWhole({ ...liveblog(body), title: "Biltstraat wordt autoluw", modified: null });
    const before = blockElements(view);
    view.handle.refresh({ ...liveblog([body[0]!, p("Tweede alinea, verbeterd."), body[2]!, p("Een late alinea.")]), title: "Biltstraat wordt autoluw", modified: null });
    await settle();
    expect(view.$('[data-field="live-notice"]').textContent).toBe("Dit artikel is bijgewerkt Bijwerken");
    expect(blockElements(view)).toEqual(before);
    view.$<HTMLButtonElement>('button[data-action="article-update"]').click();
    const after = blockElements(view);
    expect(after.map((el) => el.textContent)).toEqual(["Eerste alinea.", "Tweede alinea, verbeterd.", "Derde alinea.", "Een late alinea."]);
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);
    expect(view.$('[data-field="live-notice"]').textContent).toBe("");
  });
});
