/**
 * The reader's settings as stored in extension storage. Reading-view preferences sync
 * where the browser syncs; the auto-open list is kept in the same place so a reader's
 * choice follows them. Stored values are validated on read: a damaged or older value
 * falls back to the default for that field only, so nothing else is lost.
 */

export type Theme = "system" | "light" | "sepia" | "dark";
export type FontFamily = "serif" | "sans";

export interface ViewSettings {
  theme: Theme;
  font: FontFamily;
  /** Body text size in px. */
  size: number;
  /** Line width in characters (ch). */
  width: number;
  /** Line height multiplier. */
  spacing: number;
}

export interface Settings {
  view: ViewSettings;
  /** Hostnames (without "www.") where the reading view opens by itself. */
  autoOpenSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  view: { theme: "system", font: "serif", size: 20, width: 66, spacing: 1.6 },
  autoOpenSites: [],
};

/** Allowed ranges of the numeric view settings, for every control that changes them and for validation. */
export const VIEW_LIMITS = {
  size: { min: 14, max: 32 },
  width: { min: 40, max: 100 },
  spacing: { min: 1.2, max: 2.4 },
} as const;

export const THEMES: readonly Theme[] = ["system", "light", "sepia", "dark"];
export const FONTS: readonly FontFamily[] = ["serif", "sans"];
