// @vitest-environment node
import { describe, expect, it } from "vitest";
import { assess, detect, extract } from "../../src/core/index";
import { parse, readFixture } from "./dom";

const expected = JSON.parse(readFixture("ad-seed-kandahar.expected.json"));
const doc = parse(readFixture("ad-seed-kandahar.html"), expected.url);
// A copy of ../shared/seed-article.txt: the visible text of the real page.
const seed = readFixture("ad-seed-kandahar.txt");

// The visible text lines that are page furniture, not article.
const JUNK = [
  "Tekst gaat verder onder de foto.",
  "Onze excuses",
  "Helaas kunnen wij deze social post",
  "Aanvaard de social media-cookies",
  "Volledig scherm",
  "Bekijk onze nieuwsvideo",
  "playlist",
  "Advertentie",
];

function articleSentences(): string[] {
  const lines = seed.split(/\n\s*\n/).map((l) => l.trim()).filter(Boolean);
  const article = lines
    .filter((l) => !/^(Tekst gaat verder|Onze excuses|Bekijk onze nieuwsvideo)/.test(l))
    .map((l) => l.replace(/^Volledig scherm /, ""));
  return article.flatMap((l) => l.split(/(?<=[.!?])\s+/));
}

describe("seed article (ad.nl, Kandahar)", () => {
  const result = extract(doc, expected.url);
  if (!result.ok) throw new Error(result.reason);
  const blocks = result.article.blocks;
  const flow = blocks.map((b) => b.text).join("\n");

  it("detects the placeholder and the photo marker, not the copies in scripts and comments", () => {
    expect(detect(doc)).toEqual({ placeholders: 1, photoMarkers: 1 });
  });

  it("holds every sentence of the article text, in order", () => {
    const sentences = articleSentences();
    expect(sentences.length).toBeGreaterThan(20);
    let from = 0;
    for (const sentence of sentences) {
      const at = flow.indexOf(sentence, from);
      expect(at, `missing or out of order: ${sentence}`).toBeGreaterThanOrEqual(0);
      from = at + sentence.length;
    }
  });

  it("leaves out marker, placeholder, fullscreen label, playlist and ads", () => {
    for (const junk of JUNK) expect(flow).not.toContain(junk);
    expect(flow).not.toContain("Lees ook");
    expect(flow).not.toContain("Meer over Afghanistan");
    expect(flow).not.toContain("abonnee");
  });

  it("gives exactly the expected header and blocks", () => {
    const { url, lang, ...article } = result.article;
    expect(url).toBe(expected.url);
    expect(lang).toBe("nl");
    expect(article).toEqual(expected.article);
    expect(blocks.map((b) => b.type)).toEqual([
      "paragraph", "paragraph", "paragraph", "paragraph", "figure", "heading",
      "paragraph", "paragraph", "paragraph", "embed",
    ]);
  });

  it("is on offer", () => {
    expect(assess(doc, expected.url).offered).toBe(true);
  });
});
