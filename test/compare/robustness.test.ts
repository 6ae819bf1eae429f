// @vitest-environment node
/**
 * Issue 11's proof: every fixture under every metamorphic transformation gives exactly its
 * expected article (`npm run robustness` prints the table). A pair listed in KNOWN_INEXACT
 * must still fail, so the list cannot outlive its reason.
 */
import { describe, expect, it } from "vitest";
import { listFixtures, parseFixture } from "../../scripts/lib/fixtures";
import { TRANSFORMATIONS } from "../../scripts/lib/metamorphic";
import { knownInexact, runTransformed } from "../../scripts/lib/robustness";

const fixtures = listFixtures();
const pages = new Map<string, Document>();
const pageOf = (fixture: (typeof fixtures)[number]) => {
  if (!pages.has(fixture.name)) pages.set(fixture.name, parseFixture(fixture));
  return pages.get(fixture.name)!;
};

describe.each(TRANSFORMATIONS.map((t) => [t.name, t] as const))("%s", (_name, transformation) => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s comes out as expected", (_fixture, fixture) => {
    const outcome = runTransformed(fixture, pageOf(fixture), transformation);
    if (knownInexact(outcome)) expect(outcome.exact, "listed as known inexact, but exact now: drop it from KNOWN_INEXACT").toBe(false);
    else expect(outcome.difference ?? (outcome.exact ? null : "detection or offer differs")).toBeNull();
  }, 60_000);
});
