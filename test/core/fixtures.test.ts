// @vitest-environment node
/**
 * Every test/fixtures/NAME.html with a NAME.expected.json: detection counts, the offer
 * decision and the extracted article block by block.
 */
import { describe, expect, it } from "vitest";
import { listFixtures, parseFixture } from "../../scripts/lib/fixtures";
import { assess, extract } from "../../src/core/index";
import { JUNK_TEXTS, PHRASES } from "../../src/core/site-rules";
import { matchKey } from "../../src/core/text";

const fixtures = listFixtures();

const JUNK_KEYS = [...JUNK_TEXTS, ...Object.values(PHRASES).flat()].map(matchKey).filter((k) => k.length > 8);

it("has fixtures", () => {
  expect(fixtures.map((f) => f.name)).toContain("ad-seed-kandahar");
});

describe.each(fixtures.map((f) => [f.name, f] as const))("fixture %s", (_name, fixture) => {
  const { expected } = fixture;
  const doc = parseFixture(fixture);
  const { detection, result, offered } = assess(doc, expected.url);

  it("counts placeholders and photo markers", () => {
    expect(detection).toEqual(expected.detected);
  });

  if (expected.article === null) {
    it("is not offered", () => {
      expect(offered).toBe(false);
    });
    return;
  }

  it("is offered, with the expected header fields", () => {
    expect(result.ok ? "" : result.reason).toBe("");
    expect(offered).toBe(true);
    if (!result.ok) return;
    // Every header field, modified and paywall included: an article never updated has no modified.
    const { blocks, url, lang, ...header } = result.article;
    const { blocks: _b, ...expectedHeader } = expected.article!;
    expect(header).toEqual(expectedHeader);
    expect(url).toBe(expected.url);
    if (expected.lang !== undefined) expect(lang).toBe(expected.lang);
  });

  it("extracts the expected blocks, one by one", () => {
    if (!result.ok) throw new Error(result.reason);
    const got = result.article.blocks;
    const want = expected.article!.blocks;
    for (let i = 0; i < Math.max(got.length, want.length); i++) {
      expect({ index: i, block: got[i] }).toEqual({ index: i, block: want[i] });
    }
  });

  it("keeps no junk text", () => {
    if (!result.ok) throw new Error(result.reason);
    for (const block of result.article.blocks) {
      if (block.type === "embed") continue;
      const key = matchKey(block.text);
      for (const junk of JUNK_KEYS) expect(key, block.text).not.toContain(junk);
    }
  });

  it("gives the same article when extracted directly", () => {
    expect(extract(doc, expected.url)).toEqual(result);
  });
});
