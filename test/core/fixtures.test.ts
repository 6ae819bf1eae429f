// @vitest-environment node
/**
 * Every test/fixtures/NAME.html with a NAME.expected.json: detection counts, the offer
 * decision and the extracted article block by block.
 */
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess, extract } from "../../src/core/index";
import { JUNK_TEXTS, PHRASES } from "../../src/core/site-rules";
import { matchKey } from "../../src/core/text";
import { FIXTURES, fixturePath, parse, readFixture } from "./dom";

interface Expected {
  url: string;
  detected: { placeholders: number; photoMarkers: number };
  article: Record<string, unknown> & { blocks: unknown[] } | null;
  family: string;
  lateBody?: boolean;
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".html") && existsSync(fixturePath(f.replace(/\.html$/, ".expected.json"))))
  .map((f) => f.replace(/\.html$/, ""));

/** The page after its script moved the late body in (what the content script sees once it settles). */
function insertLateBody(doc: Document): void {
  const slot = doc.getElementById("article-body-slot");
  const template = doc.getElementById("article-body-template") as HTMLTemplateElement | null;
  if (slot && template) slot.replaceWith(template.content.cloneNode(true));
}

const JUNK_KEYS = [...JUNK_TEXTS, ...Object.values(PHRASES).flat()].map(matchKey).filter((k) => k.length > 8);

it("has fixtures", () => {
  expect(names).toContain("ad-seed-kandahar");
});

describe.each(names)("fixture %s", (name) => {
  const expected = JSON.parse(readFixture(`${name}.expected.json`)) as Expected;
  const doc = parse(readFixture(`${name}.html`), expected.url);
  if (expected.lateBody) insertLateBody(doc);
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
    const { blocks, url, lang, ...header } = result.article;
    const { blocks: _b, url: expectedUrl, lang: expectedLang, ...expectedHeader } = expected.article!;
    expect(header).toEqual(expectedHeader);
    if (expectedUrl !== undefined) expect(url).toBe(expectedUrl);
    if (expectedLang !== undefined) expect(lang).toBe(expectedLang);
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
