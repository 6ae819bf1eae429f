/**
 * Messages between the content script (one per tab), the background worker and the popup.
 * The popup talks to the tab's content script directly; the background only keeps the badge
 * and relays the keyboard command.
 */

export type TabState =
  /** No article to read here (not a DPG page, a section front), or not yet looked for one. */
  | "idle"
  /** A DPG article (or placeholders or markers, until extraction says otherwise): a reading view is on offer. */
  | "available"
  /** The reading view is open. */
  | "open"
  /** Something went wrong reading the page or building the view (reason says what); the page is left alone. */
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
  /** The article ends at a paywall: the view holds only what the page shows without a subscription. */
  paywall?: boolean;
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
