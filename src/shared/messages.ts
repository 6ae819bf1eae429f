/**
 * Messages between the content script (one per tab), the background worker and the popup.
 * The popup talks to the tab's content script directly; the background only keeps the badge,
 * relays the keyboard command and copies stored settings to storage.sync.
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
  /** No layout Leesrust knows fitted the page: the view is a best effort, worth checking against the page. */
  bestEffort?: boolean;
  reason?: string;
}

export type Request =
  | { type: "leesrust:get-status" }
  | { type: "leesrust:set-view"; open: boolean }
  | { type: "leesrust:toggle-view" }
  | { type: "leesrust:set-auto-open"; enabled: boolean }
  /** When the page was last on screen (answered by `LastSeen`): for a popup that is itself a tab (target-tab.ts). */
  | { type: "leesrust:last-seen" };

/** Milliseconds since the epoch when the tab's page was last visible (now, while it is), or null if never. */
export type LastSeen = number | null;

/** Content script → background, whenever the tab's status changes. */
export interface StatusReport {
  type: "leesrust:status";
  status: TabStatus;
}

/** A page or tab stored the settings (storage.local): the background brings storage.sync in line. */
export interface SettingsSaved {
  type: "leesrust:settings-saved";
}

/*
 * Every message is checked by shape on arrival (type, field types, ranges) and anything else is
 * ignored: a receiver acts only on what its senders can send. Unknown fields are refused too, so
 * a message's meaning cannot drift unnoticed between sender and receiver.
 */

type Fields = Record<string, unknown>;

/** Counts the content script reports; anything above is not a count a page can show. */
export const MAX_COUNT = 100_000;
/** A hostname is at most 253 characters; names and reasons are short texts. */
const MAX_HOST = 253;
const MAX_TEXT = 500;

const TAB_STATES: readonly TabState[] = ["idle", "available", "open", "unsupported"];

function fields(value: unknown, allowed: readonly string[]): Fields | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  return keys.every((key) => allowed.includes(key)) ? (value as Fields) : null;
}

const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;
const isText = (v: unknown, max: number) => typeof v === "string" && v.length <= max;

/** A request from the popup or the background to a tab's content script, or null. */
export function parseRequest(message: unknown): Request | null {
  const m = fields(message, ["type", "open", "enabled"]);
  switch (m?.type) {
    case "leesrust:get-status":
    case "leesrust:toggle-view":
    case "leesrust:last-seen":
      return Object.keys(m).length === 1 ? { type: m.type } : null;
    case "leesrust:set-view":
      return typeof m.open === "boolean" && !("enabled" in m) ? { type: m.type, open: m.open } : null;
    case "leesrust:set-auto-open":
      return typeof m.enabled === "boolean" && !("open" in m) ? { type: m.type, enabled: m.enabled } : null;
    default:
      return null;
  }
}

/** A content script's answer to "leesrust:last-seen"; anything else counts as never seen. */
export function parseLastSeen(value: unknown): LastSeen {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

/** A tab's status as the content script answers it, or null. */
export function parseTabStatus(value: unknown): TabStatus | null {
  const s = fields(value, ["state", "placeholders", "photoMarkers", "host", "site", "autoOpen", "paywall", "bestEffort", "reason"]);
  if (!s || !TAB_STATES.includes(s.state as TabState)) return null;
  if (!isCount(s.placeholders) || !isCount(s.photoMarkers) || !isText(s.host, MAX_HOST)) return null;
  if (!(s.site === null || isText(s.site, MAX_TEXT)) || typeof s.autoOpen !== "boolean") return null;
  if ("reason" in s && !isText(s.reason, MAX_TEXT)) return null;
  if ("paywall" in s && typeof s.paywall !== "boolean") return null;
  if ("bestEffort" in s && typeof s.bestEffort !== "boolean") return null;
  const status = s as unknown as TabStatus;
  const parsed: TabStatus = {
    state: status.state,
    placeholders: status.placeholders,
    photoMarkers: status.photoMarkers,
    host: status.host,
    site: status.site,
    autoOpen: status.autoOpen,
  };
  if (status.paywall !== undefined) parsed.paywall = status.paywall;
  if (status.bestEffort !== undefined) parsed.bestEffort = status.bestEffort;
  if (status.reason !== undefined) parsed.reason = status.reason;
  return parsed;
}

export function isSettingsSaved(message: unknown): message is SettingsSaved {
  const m = fields(message, ["type"]);
  return m?.type === "leesrust:settings-saved";
}

/** A content script's status report to the background, or null. */
export function parseStatusReport(message: unknown): StatusReport | null {
  const m = fields(message, ["type", "status"]);
  const status = m?.type === "leesrust:status" ? parseTabStatus(m.status) : null;
  return status ? { type: "leesrust:status", status } : null;
}
