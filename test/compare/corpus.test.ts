/** The fixture corpus keeps the shape the core, e2e and compare tests rely on. */
import { describe, expect, it } from "vitest";
import { siteFor } from "../../src/core/index";
import { listFixtures, parseFixture } from "../../scripts/lib/fixtures";

const fixtures = listFixtures();
const FAMILIES = ["ad", "volkskrant", "ad-classic", "artstyle", "none"];

it("holds at least 15 pages with an article and pages that must not trigger", () => {
  expect(fixtures.filter((f) => f.expected.article).length).toBeGreaterThanOrEqual(15);
  expect(fixtures.filter((f) => !f.expected.article).length).toBeGreaterThanOrEqual(3);
});

it("covers every template family", () => {
  expect(new Set(fixtures.map((f) => f.expected.family))).toEqual(new Set(FAMILIES));
});

describe.each(fixtures.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
  const { expected } = fixture;

  it("names its family, its counts and its canonical URL", () => {
    expect(FAMILIES).toContain(expected.family);
    expect(expected.family === "none").toBe(expected.article === null);
    expect(Number.isInteger(expected.detected.placeholders) && Number.isInteger(expected.detected.photoMarkers)).toBe(true);
    const canonical = parseFixture(fixture).querySelector('link[rel="canonical"]')?.getAttribute("href");
    expect(canonical && expected.url.startsWith(canonical)).toBe(true);
  }, 30_000);

  // The seed page (owned by the core) is sized after the seed text alone.
  it.skipIf(fixture.name === "ad-seed-kandahar")("is a realistic page size", () => {
    const kb = Buffer.byteLength(fixture.html) / 1024;
    expect(kb).toBeGreaterThan(20);
    expect(kb).toBeLessThan(fixture.name.includes("-large") ? 1200 : 150);
  });

  if (expected.article) {
    const article = expected.article;
    it("describes a DPG article block by block", () => {
      expect(siteFor(new URL(expected.url).hostname)?.name).toBe(article.site);
      expect(article.title.length).toBeGreaterThan(10);
      expect(article.blocks.length).toBeGreaterThan(3);
      const embeds = article.blocks.filter((b) => b.type === "embed").length;
      expect(embeds).toBe(expected.detected.placeholders);
    });
  }
});
