/**
 * Which tab the popup acts on. A toolbar popup (desktop) is no tab: it acts on the window's
 * active tab. On Firefox for Android the popup opens as a page in a new tab that becomes the
 * active one, so the active tab is the popup itself: there it acts on the tab the reader came
 * from, the one active last before the popup. Needs no "tabs" permission: ids, `active` and
 * `lastAccessed` come without it.
 */

/** The fields of a tabs.Tab this choice reads. */
export interface TabInfo {
  id?: number;
  active?: boolean;
  lastAccessed?: number;
}

/**
 * The tabs the popup may act on, most likely first: `self` is the popup's own tab (tabs.getCurrent),
 * undefined for a real popup. Empty when there is none (a window holding only the popup).
 */
export function candidateTabs(self: TabInfo | undefined, tabs: readonly TabInfo[]): number[] {
  const others = tabs.filter((tab): tab is TabInfo & { id: number } => tab.id !== undefined && tab.id !== self?.id);
  if (!self) return others.filter((tab) => tab.active).map((tab) => tab.id);
  // A browser that shows the popup's page in a tab beside an active article (as the Firefox tests
  // do) reports that article active; otherwise the one accessed last before the popup.
  const rank = (tab: TabInfo) => (tab.active ? Infinity : (tab.lastAccessed ?? -Infinity));
  return others.sort((a, b) => rank(b) - rank(a)).map((tab) => tab.id);
}

/**
 * Whether the ranking is decided by the browser's own facts; when no other tab has an `active` or
 * `lastAccessed` (Firefox for Android leaves `lastAccessed` out), the tabs' content scripts are
 * asked when their page was last on screen (`lastSeen`).
 */
export function rankedByBrowser(self: TabInfo | undefined, tabs: readonly TabInfo[]): boolean {
  if (!self) return true;
  return tabs.some((tab) => tab.id !== self.id && (tab.active || typeof tab.lastAccessed === "number"));
}

/** Of the tabs whose content script answered with the time its page was last visible, the latest. */
export function lastSeenTab(seen: ReadonlyArray<{ id: number; seenAt: number | null }>): number | undefined {
  let best: { id: number; seenAt: number } | undefined;
  for (const { id, seenAt } of seen) if (seenAt !== null && (!best || seenAt > best.seenAt)) best = { id, seenAt };
  return best?.id;
}
