/**
 * Reading and writing the reader's settings. Every field is validated on its own, so a
 * damaged or older stored value costs that one field, never the rest. storage.sync is
 * preferred (choices follow the reader); where the browser refuses it, storage.local.
 */
import browser from "webextension-polyfill";
import { siteFor } from "../core/sites";
import { DEFAULT_SETTINGS, FONTS, THEMES, VIEW_LIMITS, WIDTHS, type LineWidth, type Settings, type ViewSettings } from "./settings";

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

type Area = typeof browser.storage.sync;

let chosenArea: Promise<Area> | null = null;

/** storage.sync throws in some set-ups (sync disabled by policy, temporary add-on ids). */
function area(): Promise<Area> {
  chosenArea ??= browser.storage.sync.get(SETTINGS_KEY).then(
    () => browser.storage.sync,
    () => browser.storage.local,
  );
  return chosenArea;
}

export async function loadSettings(): Promise<Settings> {
  const store = await area();
  const got = await store.get(SETTINGS_KEY);
  return parseSettings(got[SETTINGS_KEY]);
}

/** Read, change and write back; the change sees validated settings and returns the new ones. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  const store = await area();
  await store.set({ [SETTINGS_KEY]: next });
  return next;
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
    callback(parseSettings(change.newValue));
  });
}

/** Test seam: forget which storage area was chosen. */
export function resetStorageChoice(): void {
  chosenArea = null;
}
