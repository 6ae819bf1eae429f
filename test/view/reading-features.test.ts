/**
 * The reading features around the article: the paywall note of a premium article, "bijgewerkt"
 * for an updated one, a liveblog's jumps, and the space reserved for blocks after the first screen.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Article, Block } from "../../src/core/article";
import { formatPublished, formatUpdated, monthNames } from "../../src/inject/view/format-date";
import { newestMoment } from "../../src/inject/view/moments";
import { estimateHeight, type Column } from "../../src/inject/view/size-estimate";
import { SEED_URL, closeAll, openWhole, seedArticle, translator } from "./helpers";

afterEach(closeAll);

const MONTHS = monthNames(translator("nl")("view_months"));
const CET = 120;

describe("formatUpdated", () => {
  const published = formatPublished("2025-07-01T06:30:00+02:00", MONTHS, CET);
  it("gives only the time on the day of publication, the whole dateline on a later day", () => {
    expect(formatUpdated("2025-07-01T22:58:00+02:00", published, MONTHS, CET)?.text).toBe("22:58");
    expect(formatUpdated("2025-07-02T08:05:00+02:00", published, MONTHS, CET)?.text).toBe("2 juli 2025, 08:05");
    expect(formatUpdated(null, published, MONTHS, CET)).toBeNull();
    expect(formatUpdated("gisteren", published, MONTHS, CET)).toBeNull();
  });
});

const moment = (time: string): Block => ({ type: "heading", level: 2, text: `${time} Iets gebeurd` });
const para: Block = { type: "paragraph", text: "Tekst." };

describe("newestMoment: a liveblog's newest moment", () => {
  it("finds it at the top of a newest-first liveblog and at the end of an oldest-first one", () => {
    expect(newestMoment([para, moment("22:58"), para, moment("22:53"), para, moment("10:31"), para])).toBe(1);
    expect(newestMoment([moment("9.05"), para, moment("10:31"), moment("12:00"), para])).toBe(3);
  });

  it("sees no liveblog in an article with a heading or two that start with a time", () => {
    expect(newestMoment([moment("22:58"), para, moment("10:00")])).toBeNull();
    expect(newestMoment(seedArticle().blocks)).toBeNull();
  });
});

describe("estimateHeight: the space a block takes before it is laid out", () => {
  const column: Column = { widthPx: 660, fontPx: 20, spacing: 1.6, charsPerLine: 70 };
  it("counts a paragraph's lines in the measured column", () => {
    expect(estimateHeight({ type: "paragraph", text: "x".repeat(70) }, column)).toBe(32);
    expect(estimateHeight({ type: "paragraph", text: "x".repeat(141) }, column)).toBe(96);
  });

  it("reserves a 3:2 photo across the column plus its caption, and nothing for a missing photo", () => {
    const figure = { type: "figure", text: "", src: "https://images.ad.nl/a.jpg", alt: "", caption: null, credit: null } as const;
    expect(estimateHeight(figure, column)).toBe(440);
    expect(estimateHeight({ ...figure, caption: "Warm weer in Heino." }, column)).toBeGreaterThan(440);
    expect(estimateHeight({ ...figure, src: null }, column)).toBe(0);
  });

  it("grows with larger text and a narrower column", () => {
    const block: Block = { type: "paragraph", text: "x".repeat(500) };
    expect(estimateHeight(block, { ...column, fontPx: 24 })).toBeGreaterThan(estimateHeight(block, column));
    expect(estimateHeight(block, { ...column, charsPerLine: 40 })).toBeGreaterThan(estimateHeight(block, column));
  });
});

/** A hundred blocks: more than a first screen holds, so most follow after the first frame. */
function longArticle(extra: Partial<Article> = {}): Article {
  const blocks: Block[] = [];
  for (let i = 0; i < 50; i++) blocks.push(moment(`${String(23 - (i % 24)).padStart(2, "0")}:00`), { type: "paragraph", text: `Moment ${i}. ${"Tekst. ".repeat(30)}` });
  return { ...seedArticle(), blocks, ...extra };
}

describe("the view of a premium article", () => {
  it("ends with a note that the article continues for subscribers, with the link back to the page, after every block", async () => {
    const view = await openWhole(longArticle({ paywall: true, site: "PZC" }));
    const article = view.$("article");
    const note = article.lastElementChild as HTMLElement;
    expect(note.dataset.field).toBe("paywall");
    expect(note.getAttribute("role")).toBe("note");
    expect(note.textContent).toContain("Dit artikel gaat verder voor abonnees van PZC.");
    const link = note.querySelector<HTMLAnchorElement>("a[data-field='paywall-link']");
    expect(link?.href).toBe(SEED_URL);
    expect(link?.textContent).toBe("Verder lezen op de pagina");
    expect(view.$$("[data-block]")).toHaveLength(100);
  });

  it("has no such note when the page shows no paywall, in English when asked", async () => {
    expect((await openWhole(seedArticle())).$$("[data-field='paywall']")).toHaveLength(0);
    closeAll();
    const view = await openWhole({ ...seedArticle(), paywall: true }, { lang: "en" });
    expect(view.$("[data-field='paywall'] p").textContent).toBe("This article continues for subscribers of AD.");
  });
});

describe("the view of a liveblog", () => {
  it("says when it was updated, next to the publication", async () => {
    const view = await openWhole({ ...seedArticle(), published: "2025-07-01T06:30:00+02:00", modified: "2025-07-01T22:58:00+02:00" });
    const updated = view.$("time[data-field='updated']");
    expect(updated.getAttribute("datetime")).toBe("2025-07-01T20:58:00.000Z");
    expect(updated.textContent).toMatch(/^bijgewerkt \d\d:58$/);
    expect(view.$("time[data-field='published']").nextElementSibling).toBe(updated);
  });

  beforeAll(() => {
    // jsdom lays nothing out and has no element scrolling.
    Element.prototype.scrollIntoView ??= vi.fn();
    Element.prototype.scrollTo ??= vi.fn() as unknown as Element["scrollTo"];
  });

  it("jumps to the newest moment and back to the top, focus following", async () => {
    const view = await openWhole(longArticle());
    const jump = view.$<HTMLButtonElement>("header button[data-action='live-newest']");
    expect(jump.textContent).toBe("Naar het nieuwste bericht");
    jump.click();
    // Newest first in this article (23:00 at the top).
    expect(view.shadow.activeElement).toBe(view.$$("[data-block]")[0]);
    const top = view.$<HTMLButtonElement>("button[data-action='live-top']");
    expect(top.hidden).toBe(true);
    top.click();
    expect(view.shadow.activeElement?.tagName).toBe("H1");
  });

  it("offers no jumps on an ordinary article", async () => {
    const view = await openWhole(seedArticle());
    expect(view.$$("[data-action^='live-']")).toHaveLength(0);
  });

  it("reserves an estimated height for every block after the first screen", async () => {
    const view = await openWhole(longArticle());
    const later = view.$$(".lr-later");
    expect(later.length).toBeGreaterThan(10);
    for (const element of later) expect(element.style.getPropertyValue("contain-intrinsic-size")).toMatch(/^auto \d+px$/);
  });
});
