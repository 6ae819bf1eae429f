// @vitest-environment node
/**
 * Issue 17, item 11: the badge a page gets at load (the content script's glance, detection
 * only) says what its popup will say after extraction. A section front whose teaser carries a
 * blocked post shows no count: its popup rightly says there is no article.
 */
import { describe, expect, it } from "vitest";
import { listFixtures, parseFixture } from "../../scripts/lib/fixtures";
import { assessPage, glancePage } from "../../src/inject/assess-page";
import { badgeText } from "../../src/background/background";
import type { TabStatus } from "../../src/shared/messages";
import type { PageAssessment } from "../../src/inject/assess-page";

const status = (a: PageAssessment): TabStatus => ({
  state: a.state, placeholders: a.detection.placeholders, photoMarkers: a.detection.photoMarkers, host: a.host, site: a.site, autoOpen: false,
});

describe.each(listFixtures().map((f) => [f.name, f] as const))("fixture %s", (_name, fixture) => {
  it("gets a badge at load only where the popup offers an article", () => {
    const glance = badgeText(status(glancePage(parseFixture(fixture), fixture.expected.url)));
    const settled = badgeText(status(assessPage(parseFixture(fixture), fixture.expected.url)));
    expect(glance).toBe(settled);
    expect(glance !== "").toBe(fixture.expected.article !== null && fixture.expected.detected.placeholders + fixture.expected.detected.photoMarkers > 0);
  });
});

it("shows no count on the section front whose teaser holds a blocked liveblog", () => {
  const [front] = listFixtures().filter((f) => f.name === "ad-section-binnenland");
  const glance = glancePage(parseFixture(front!), front!.expected.url);
  expect(glance.detection.placeholders).toBe(1);
  expect(badgeText(status(glance))).toBe("");
});
