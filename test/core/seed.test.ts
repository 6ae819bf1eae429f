// @vitest-environment node
import { describe, expect, it } from "vitest";
import { assess, detect, extract } from "../../src/core/index";
import { firstMissingInOrder, loadFixture, SEED, SEED_JUNK, seedSentences } from "../../scripts/lib/fixtures";
import { parse } from "./dom";

const { html, expected } = loadFixture(SEED);
const doc = parse(html, expected.url);

describe("seed article (ad.nl, Kandahar)", () => {
  const result = extract(doc, expected.url);
  if (!result.ok) throw new Error(result.reason);
  const blocks = result.article.blocks;
  const flow = blocks.map((b) => (b.type === "embed" ? "" : b.text)).join("\n");

  it("detects the placeholder and the photo marker, not the copies in scripts and comments", () => {
    expect(detect(doc)).toEqual({ placeholders: 1, photoMarkers: 1 });
  });

  it("holds every sentence of the article text, in order", () => {
    const sentences = seedSentences();
    expect(sentences.length).toBeGreaterThan(20);
    expect(firstMissingInOrder(flow, sentences), "missing or out of order").toBeNull();
  });

  it("leaves out marker, placeholder, fullscreen label, playlist and ads", () => {
    for (const junk of SEED_JUNK) expect(flow).not.toContain(junk);
    expect(flow).not.toContain("Lees ook");
    expect(flow).not.toContain("Meer over Afghanistan");
    expect(flow).not.toContain("abonnee");
  });

  it("gives exactly the expected header and blocks", () => {
    const { url, lang, ...article } = result.article;
    expect(url).toBe(expected.url);
    expect(lang).toBe("nl");
    // The page's JSON-LD says it was updated after publication; the fixture's expected article predates that field.
    expect(article).toEqual({ ...expected.article, modified: "2021-08-13T09:40:00+02:00" });
    expect(blocks.map((b) => b.type)).toEqual([
      "paragraph", "paragraph", "paragraph", "paragraph", "figure", "heading",
      "paragraph", "paragraph", "paragraph", "embed",
    ]);
  });

  it("is on offer", () => {
    expect(assess(doc, expected.url).offered).toBe(true);
  });
});
