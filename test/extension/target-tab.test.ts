import { describe, expect, it } from "vitest";
import { candidateTabs, lastSeenTab, rankedByBrowser } from "../../src/ui/target-tab";

describe("the tab the popup acts on", () => {
  it("in a toolbar popup (no tab of its own): the active tab", () => {
    const tabs = [{ id: 1, lastAccessed: 500 }, { id: 2, active: true, lastAccessed: 100 }, { id: 3 }];
    expect(candidateTabs(undefined, tabs)).toEqual([2]);
    expect(rankedByBrowser(undefined, tabs)).toBe(true);
  });

  it("as a tab of its own that is active (Firefox for Android): the tab active last before it, of several articles", () => {
    const popup = { id: 9, active: true, lastAccessed: 1000 };
    const tabs = [{ id: 1, lastAccessed: 400 }, { id: 2, lastAccessed: 900 }, popup, { id: 3, lastAccessed: 600 }, { id: 4 }];
    expect(candidateTabs(popup, tabs)).toEqual([2, 3, 1, 4]);
    expect(rankedByBrowser(popup, tabs)).toBe(true);
  });

  it("as a tab beside an active article (the page opened in a background tab): that article", () => {
    const popup = { id: 9, lastAccessed: 1000 };
    expect(candidateTabs(popup, [popup, { id: 1, lastAccessed: 950 }, { id: 2, active: true, lastAccessed: 10 }])).toEqual([2, 1]);
  });

  it("without lastAccessed on any other tab, asks the pages when they were last on screen", () => {
    const popup = { id: 9, active: true };
    const tabs = [{ id: 1 }, popup, { id: 2 }, { id: 3 }];
    expect(rankedByBrowser(popup, tabs)).toBe(false);
    expect(candidateTabs(popup, tabs)).toEqual([1, 2, 3]);
    // Tab 1 has no content script (another site), 3 was never shown; 2 went out of sight last.
    expect(lastSeenTab([{ id: 1, seenAt: null }, { id: 2, seenAt: 5000 }, { id: 3, seenAt: null }, { id: 4, seenAt: 4000 }])).toBe(2);
    expect(lastSeenTab([{ id: 1, seenAt: null }])).toBeUndefined();
  });

  it("a window holding only the popup: none", () => {
    const popup = { id: 9, active: true, lastAccessed: 5 };
    expect(candidateTabs(popup, [popup])).toEqual([]);
    expect(candidateTabs(undefined, [])).toEqual([]);
  });
});
