import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article";
import { displayCredit } from "../../src/inject/view/article-text";
import { formatPublished, usableLocale } from "../../src/inject/view/format-date";
import { countWords, readingMinutes, WORDS_PER_MINUTE } from "../../src/inject/view/reading-time";
import { atLimit, stepSetting } from "../../src/inject/view/settings-steps";
import { DEFAULT_SETTINGS, VIEW_LIMITS } from "../../src/shared/settings";
import { seedArticle } from "./helpers";

describe("formatPublished", () => {
  it("formats date and time as a Dutch dateline", () => {
    expect(formatPublished("2021-08-14T09:12:00+02:00", "nl-NL", "Europe/Amsterdam")).toEqual({
      datetime: "2021-08-14T07:12:00.000Z",
      text: "14 augustus 2021, 09:12",
    });
  });

  it("formats for English readers too, in their time zone", () => {
    expect(formatPublished("2021-08-14T09:12:00+02:00", "en-GB", "Europe/London")?.text).toBe("14 August 2021, 08:12");
  });

  it("shows a date without a time as that calendar day, whatever the time zone", () => {
    expect(formatPublished("2021-08-14", "nl-NL", "America/Los_Angeles")).toEqual({
      datetime: "2021-08-14",
      text: "14 augustus 2021",
    });
  });

  it("falls back to Dutch formatting when the translation's locale is missing or malformed", () => {
    expect(usableLocale("en-GB")).toBe("en-GB");
    expect(usableLocale("")).toBe("nl-NL");
    expect(usableLocale("view_date_locale")).toBe("nl-NL");
  });

  it("gives nothing rather than a wrong date", () => {
    expect(formatPublished(null, "nl-NL")).toBeNull();
    expect(formatPublished("gisteren", "nl-NL")).toBeNull();
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
    a.blocks.push({ type: "embed", text: Array.from({ length: 500 }, () => "x").join(" "), kind: "x", url: null });
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
    expect(stepSetting({ ...view, width: VIEW_LIMITS.width.min }, "width", -1).width).toBe(VIEW_LIMITS.width.min);
  });

  it("knows when a button has nothing left to do", () => {
    expect(atLimit({ ...view, size: VIEW_LIMITS.size.max }, "size", 1)).toBe(true);
    expect(atLimit({ ...view, size: VIEW_LIMITS.size.max }, "size", -1)).toBe(false);
  });
});
