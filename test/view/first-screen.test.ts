import { afterEach, describe, expect, it, vi } from "vitest";
import type { Article, Block } from "../../src/core/article";
import { firstScreenBlocks, type ScreenMetrics } from "../../src/inject/view/first-screen";
import { VIEW_CSS } from "../../src/inject/view/styles";
import { afterFirstFrame, closeAll, open, seedArticle } from "./helpers";

afterEach(() => {
  closeAll();
  vi.restoreAllMocks();
});

const paragraph = (n: number): Block => ({ type: "paragraph", text: `Alinea ${n}. ${"Een zin van gewone lengte in een nieuwsbericht. ".repeat(6)}` });
const longArticle = (blocks = 40): Article => ({ ...seedArticle(), blocks: Array.from({ length: blocks }, (_, i) => paragraph(i + 1)) });
const LAPTOP: ScreenMetrics = { height: 720, fontPx: 20, spacing: 1.6, lineChars: 69 };

describe("firstScreenBlocks", () => {
  const blocks = longArticle().blocks;

  it("takes the blocks that fill the first screen and the one crossing its bottom", () => {
    // 720 px at 32 px a line: 22.5 lines, 12 of them toolbar and header; each paragraph here
    // is 5 lines and a gap, so the second one crosses the bottom.
    expect(firstScreenBlocks(blocks, LAPTOP)).toBe(2);
  });

  it("takes more on a taller screen and fewer with larger text", () => {
    const tall = firstScreenBlocks(blocks, { ...LAPTOP, height: 1600 });
    expect(tall).toBeGreaterThan(firstScreenBlocks(blocks, LAPTOP));
    expect(firstScreenBlocks(blocks, { ...LAPTOP, height: 1600, fontPx: 32 })).toBeLessThan(tall);
  });

  it("takes everything when the article is short, nothing when it is empty, and at least one block otherwise", () => {
    expect(firstScreenBlocks(blocks.slice(0, 2), LAPTOP)).toBe(2);
    expect(firstScreenBlocks([], LAPTOP)).toBe(0);
    expect(firstScreenBlocks(blocks, { ...LAPTOP, height: 0 })).toBe(1);
    expect(firstScreenBlocks(blocks, { height: NaN, fontPx: NaN, spacing: NaN, lineChars: NaN })).toBe(1);
  });

  it("counts a figure as its caption and a line: its image is not there yet in the first frame", () => {
    const figure: Block = { type: "figure", text: "", src: "https://images.ad.nl/a.jpg", alt: "", caption: null, credit: null };
    // 12 lines of header, four figures of 1.7 lines each, then the paragraph that crosses the bottom.
    expect(firstScreenBlocks([figure, figure, figure, figure, ...blocks], LAPTOP)).toBe(5);
  });
});

describe("the view's first frame", () => {
  it("holds the header and the first screen, and the rest follows right after, in order", async () => {
    const view = open(longArticle());
    const first = view.$$("[data-block]");
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(40);
    expect(view.$("h1").textContent).toBe(seedArticle().title);
    expect(view.$("article").getAttribute("aria-busy")).toBe("true");

    await afterFirstFrame();
    const all = view.$$("[data-block]");
    expect(all.map((el) => el.textContent?.split(".")[0])).toEqual(Array.from({ length: 40 }, (_, i) => `Alinea ${i + 1}`));
    expect(all.slice(0, first.length)).toEqual(first);
    expect(all.slice(first.length).every((el) => el.classList.contains("lr-later"))).toBe(true);
    expect(first.some((el) => el.classList.contains("lr-later"))).toBe(false);
    expect(view.$("article").hasAttribute("aria-busy")).toBe(false);
  });

  it("is the whole article, not busy, when the article fits the screen", () => {
    const view = open({ ...seedArticle(), blocks: longArticle(1).blocks });
    expect(view.$$("[data-block]")).toHaveLength(1);
    expect(view.$("article").hasAttribute("aria-busy")).toBe(false);
  });

  it("puts the whole article in before printing, even within the first frame", () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    const view = open(longArticle());
    let printed = 0;
    print.mockImplementation(() => void (printed = view.$$("[data-block]").length));
    view.$<HTMLButtonElement>("button[data-action='print']").click();
    expect(printed).toBe(40);
  });

  it("adds nothing once closed within the first frame", async () => {
    const view = open(longArticle());
    const article = view.$("article");
    const count = view.$$("[data-block]").length;
    view.handle.close();
    await afterFirstFrame();
    expect(article.querySelectorAll("[data-block]")).toHaveLength(count);
  });

  it("lays out the blocks after the first screen only as the reader nears them, and all of them in print", () => {
    expect(VIEW_CSS).toMatch(/\n\.lr-later \{ content-visibility: auto; contain-intrinsic-size: auto 4em; \}/);
    expect(VIEW_CSS).toMatch(/@media print \{[\s\S]*\.lr-later \{ content-visibility: visible; \}/);
  });
});
