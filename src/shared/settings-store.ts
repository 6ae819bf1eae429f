/**
 * Reading and writing the reader's settings. Every field is validated on its own, so a
 * damaged or older stored value costs that one field, never the rest. Stored twice: locally at
 * once, and synced (choices follow the reader) a little later; see `newestCopy`.
 */
import browser from "webextension-polyfill";
import { siteFor } from "../core/sites";
import type { SettingsSaved } from "./messages";
import { DEFAULT_SETTINGS, FONTS, READ_ALOUD_RATES, THEMES, VIEW_LIMITS, WIDTHS, type LineWidth, type Settings, type ViewSettings } from "./settings";

export const SETTINGS_KEY = "settings";

type Limits = { min: number; max: number };

function inRange(value: unknown, limits: Limits, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= limits.min && value <= limits.max
    ? value
    : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Earlier versions stored the width in ch (40–100, default 66, steps of 6): the default stays
 * the middle step, a step narrower or wider the step beside it.
 */
function lineWidth(value: unknown, fallback: LineWidth): LineWidth {
  if (typeof value !== "number") return oneOf(value, WIDTHS, fallback);
  if (!(value >= 40 && value <= 100)) return fallback;
  return value < 63 ? "narrow" : value > 69 ? "wide" : "medium";
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function parseViewSettings(raw: unknown): ViewSettings {
  const v = record(raw);
  const d = DEFAULT_SETTINGS.view;
  return {
    theme: oneOf(v.theme, THEMES, d.theme),
    font: oneOf(v.font, FONTS, d.font),
    size: inRange(v.size, VIEW_LIMITS.size, d.size),
    width: lineWidth(v.width, d.width),
    spacing: inRange(v.spacing, VIEW_LIMITS.spacing, d.spacing),
    hideUnlinkedNotes: typeof v.hideUnlinkedNotes === "boolean" ? v.hideUnlinkedNotes : d.hideUnlinkedNotes,
    readAloudRate: READ_ALOUD_RATES.includes(v.readAloudRate as number) ? (v.readAloudRate as number) : d.readAloudRate,
  };
}

/**
 * The key under which a site is remembered: lower case, no "www.", no trailing dot.
 * Accepts a pasted URL too. Returns null for anything that is not a DPG title's host.
 */
export function siteKey(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (!host) return null;
  try {
    host = new URL(host.includes("://") ? host : `https://${host}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, "").replace(/^www\./, "");
  return siteFor(host) ? host : null;
}

export function parseSettings(raw: unknown): Settings {
  const s = record(raw);
  const sites = Array.isArray(s.autoOpenSites) ? s.autoOpenSites : [];
  const keys = sites.map((x) => (typeof x === "string" ? siteKey(x) : null)).filter((x): x is string => x !== null);
  return { view: parseViewSettings(s.view), autoOpenSites: [...new Set(keys)] };
}

type Area = typeof browser.storage.local;
type RawCopy = { raw: Record<string, unknown>; savedAt: number };
type Copy = RawCopy & { settings: Settings };

/** When a copy was saved (ms since the epoch, beside the settings); 0 for copies of earlier versions. */
function savedAtOf(raw: unknown): number {
  const at = record(raw).savedAt;
  return typeof at === "number" && Number.isFinite(at) ? at : 0;
}

/** A stored copy as it is, unparsed: all the background needs, which so carries no site table. */
async function readRaw(area: Area): Promise<RawCopy | null> {
  try {
    const raw: unknown = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    return raw === undefined ? null : { raw: record(raw), savedAt: savedAtOf(raw) };
  } catch {
    // storage.sync throws in some set-ups (sync disabled by policy, temporary add-on ids).
    return null;
  }
}

async function read(area: Area): Promise<Copy | null> {
  const copy = await readRaw(area);
  return copy && { ...copy, settings: parseSettings(copy.raw) };
}

/**
 * Two copies: storage.local, written at once on every change (no rate quota, and the write is
 * out before the tab can close), and storage.sync, which follows in coalesced writes from the
 * background (`syncSettings`) and brings changes from the reader's other devices. The newer one
 * counts; on a tie the synced one, where earlier versions kept the settings.
 */
async function newestCopy(): Promise<Copy | null> {
  const [local, sync] = await Promise.all([read(browser.storage.local), read(browser.storage.sync)]);
  return local && (!sync || local.savedAt > sync.savedAt) ? local : (sync ?? local);
}

/** The newest copy this page has read or written: a copy older than it, arriving late, is no news. */
let newestSeen = 0;

export async function loadSettings(): Promise<Settings> {
  const copy = await newestCopy();
  newestSeen = Math.max(newestSeen, copy?.savedAt ?? 0);
  return copy?.settings ?? parseSettings(undefined);
}

/** One change at a time in this page, each reading what the one before it wrote. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Read, change and write back; the change sees validated settings and returns the new ones. The
 * write goes to storage.local at once; the background is told, and brings storage.sync in line.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const run = queue.then(async () => writeSettings(change(await loadSettings())));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Writes settings this page already holds (kept current with onSettingsChanged), with no read
 * first: the write is on its way within the call, before a popup closed right after a tap is gone.
 * Resolves once storage.local has it; the background is told, and brings storage.sync in line.
 */
export async function writeSettings(settings: Settings): Promise<Settings> {
  const next = parseSettings(settings);
  const savedAt = Math.max(Date.now(), newestSeen + 1);
  newestSeen = savedAt;
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...next, savedAt } });
  const saved: SettingsSaved = { type: "leesrust:settings-saved" };
  // Nothing to wait for: the copy this device reads is stored, and the background may be starting.
  browser.runtime.sendMessage(saved).catch(() => undefined);
  return next;
}

/** Background only: copies this device's settings to storage.sync when they are newer there. */
export async function syncSettings(): Promise<void> {
  const [local, sync] = await Promise.all([readRaw(browser.storage.local), readRaw(browser.storage.sync)]);
  if (!local || (sync && sync.savedAt >= local.savedAt)) return;
  await browser.storage.sync.set({ [SETTINGS_KEY]: local.raw });
}

export function setAutoOpen(settings: Settings, host: string, enabled: boolean): Settings {
  const key = siteKey(host);
  if (!key) return settings;
  const others = settings.autoOpenSites.filter((h) => h !== key);
  return { ...settings, autoOpenSites: enabled ? [...others, key] : others };
}

/** Calls back with validated settings whenever they change in any extension page or tab. */
export function onSettingsChanged(callback: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, areaName) => {
    const change = changes[SETTINGS_KEY];
    if (!change || (areaName !== "sync" && areaName !== "local")) return;
    // The synced copy of a change this page has since overtaken, say.
    const savedAt = savedAtOf(change.newValue);
    if (savedAt < newestSeen) return;
    newestSeen = savedAt;
    callback(parseSettings(change.newValue));
  });
}

/** Test seam: a fresh page, which has seen no copy yet. */
export function resetSettingsStore(): void {
  newestSeen = 0;
  queue = Promise.resolve();
}
