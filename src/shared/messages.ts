/**
 * Messages between the content script (one per tab), the background worker and the popup.
 * The popup talks to the tab's content script directly; the background only keeps the badge
 * and relays the keyboard command.
 */

export type TabState =
  /** Not a DPG article, or nothing blocked on it: the extension stays out of the way. */
  | "idle"
  /** Placeholders or photo markers found and an article extracted: a reading view is on offer. */
  | "available"
  /** The reading view is open. */
  | "open"
  /** Markers found but no article could be extracted (reason says why); the page is left alone. */
  | "unsupported";

export interface TabStatus {
  state: TabState;
  placeholders: number;
  photoMarkers: number;
  /** Hostname without "www.", the key for "open automatically on this site". */
  host: string;
  /** The DPG title's name, e.g. "AD", or null off DPG sites. */
  site: string | null;
  autoOpen: boolean;
  reason?: string;
}

export type Request =
  | { type: "leesrust:get-status" }
  | { type: "leesrust:set-view"; open: boolean }
  | { type: "leesrust:toggle-view" }
  | { type: "leesrust:set-auto-open"; enabled: boolean };

/** Content script → background, whenever the tab's status changes. */
export interface StatusReport {
  type: "leesrust:status";
  status: TabStatus;
}
