/**
 * Issue 4.3's bar: on every DPG fixture with an article, Leesrust's text matches the expected
 * article with token F1 ≥ 0.99 and leaves no junk in (`npm run compare` shows the figures).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/core/index";
import { listFixtures, parseFixture } from "../../scripts/lib/fixtures";
import { articleText, countJunk, DPG_JUNK, scoreTokens } from "../../scripts/lib/metrics";

const dpg = listFixtures().filter((f) => f.expected.article !== null && f.expected.family !== "none");

it("has at least 15 DPG fixtures with an article", () => {
  expect(dpg.length).toBeGreaterThanOrEqual(15);
});

describe.each(dpg.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
  it("Leesrust reaches F1 ≥ 0.99 with zero junk", () => {
    const result = extract(parseFixture(fixture), fixture.expected.url);
    if (!result.ok) throw new Error(`no article: ${result.reason}`);
    const expected = articleText(fixture.expected.article!);
    const actual = articleText(result.article);
    expect(scoreTokens(expected, actual).f1).toBeGreaterThanOrEqual(0.99);
    expect(countJunk(actual, expected, DPG_JUNK)).toBe(0);
  }, 30_000); // the ~1 MB liveblog takes seconds to parse in jsdom on a busy machine
});
