import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article";
import { displayCredit } from "../../src/inject/view/article-text";
import { formatDecimal, formatPublished, monthNames } from "../../src/inject/view/format-date";
import { countWords, readingMinutes, WORDS_PER_MINUTE } from "../../src/inject/view/reading-time";
import { atLimit, stepSetting } from "../../src/inject/view/settings-steps";
import { DEFAULT_SETTINGS, VIEW_LIMITS } from "../../src/shared/settings";
import { embed, seedArticle } from "./helpers";

describe("formatPublished", () => {
  const dutch = monthNames("januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december");
  const english = monthNames("January,February,March,April,May,June,July,August,September,October,November,December");

  it("formats date and time as a Dutch dateline", () => {
    expect(formatPublished("2021-08-14T09:12:00+02:00", dutch, 120)).toEqual({
      datetime: "2021-08-14T07:12:00.000Z",
      text: "14 augustus 2021, 09:12",
    });
  });

  it("formats for English readers too, in their time zone", () => {
    expect(formatPublished("2021-08-14T09:12:00+02:00", english, 60)?.text).toBe("14 August 2021, 08:12");
  });

  it("moves across midnight and the year end with the reader's offset", () => {
    expect(formatPublished("2021-12-31T23:30:00Z", dutch, 60)?.text).toBe("1 januari 2022, 00:30");
    expect(formatPublished("2022-01-01T00:30:00+01:00", english, -300)?.text).toBe("31 December 2021, 18:30");
  });

  it("shows a date without a time as that calendar day, whatever the time zone", () => {
    expect(formatPublished("2021-08-14", dutch, -420)).toEqual({ datetime: "2021-08-14", text: "14 augustus 2021" });
  });

  it("falls back to Dutch month names when the translation's list is damaged", () => {
    expect(monthNames("")).toEqual(dutch);
    expect(monthNames("jan,feb")).toEqual(dutch);
    expect(monthNames("view_months")).toEqual(dutch);
  });

  it("gives nothing rather than a wrong date", () => {
    expect(formatPublished(null, dutch)).toBeNull();
    expect(formatPublished("gisteren", dutch)).toBeNull();
  });
});

describe("formatDecimal", () => {
  it("uses the translation's decimal separator", () => {
    expect(formatDecimal(1.6, ",")).toBe("1,6");
    expect(formatDecimal(1.6, ".")).toBe("1.6");
    expect(formatDecimal(2, ",")).toBe("2,0");
  });
});

describe("readingMinutes", () => {
  const article = (words: number): Article => ({
    ...seedArticle(),
    title: "",
    intro: null,
    blocks: [{ type: "paragraph", text: Array.from({ length: words }, () => "woord").join(" ") }],
  });

  it("counts words, not punctuation", () => {
    expect(countWords(" ,,Na hevige gevechten — gisteravond” ")).toBe(4);
  });

  it("estimates whole minutes at the Dutch reading pace, at least one", () => {
    expect(readingMinutes(article(10))).toBe(1);
    expect(readingMinutes(article(WORDS_PER_MINUTE * 4))).toBe(4);
    expect(readingMinutes(article(WORDS_PER_MINUTE * 4 + 120))).toBe(5);
  });

  it("does not count embed notes", () => {
    const a = article(WORDS_PER_MINUTE * 2);
    a.blocks.push(embed("x", null), embed("instagram", "https://www.instagram.com/p/CSh2pXbLQ1x/"));
    expect(readingMinutes(a)).toBe(2);
  });
});

describe("displayCredit", () => {
  it("shows a credit as © Name however the page wrote it", () => {
    expect(displayCredit("EPA")).toBe("© EPA");
    expect(displayCredit("©EPA")).toBe("© EPA");
    expect(displayCredit(" © ANP ")).toBe("© ANP");
    expect(displayCredit("©")).toBeNull();
    expect(displayCredit(null)).toBeNull();
  });
});

describe("stepSetting", () => {
  const view = DEFAULT_SETTINGS.view;

  it("moves a setting by one press and stays within the shared limits", () => {
    expect(stepSetting(view, "spacing", 1).spacing).toBe(1.7);
    expect(stepSetting(view, "size", -1).size).toBe(view.size - 2);
    expect(stepSetting({ ...view, size: VIEW_LIMITS.size.max - 1 }, "size", 1).size).toBe(VIEW_LIMITS.size.max);
    expect(stepSetting({ ...view, spacing: VIEW_LIMITS.spacing.min }, "spacing", -1).spacing).toBe(VIEW_LIMITS.spacing.min);
  });

  it("knows when a button has nothing left to do", () => {
    expect(atLimit({ ...view, size: VIEW_LIMITS.size.max }, "size", 1)).toBe(true);
    expect(atLimit({ ...view, size: VIEW_LIMITS.size.max }, "size", -1)).toBe(false);
  });
});
