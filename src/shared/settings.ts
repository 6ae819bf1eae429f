/**
 * The reader's settings as stored in extension storage. Reading-view preferences sync
 * where the browser syncs; the auto-open list is kept in the same place so a reader's
 * choice follows them. Stored values are validated on read: a damaged or older value
 * falls back to the default for that field only, so nothing else is lost.
 */

export type Theme = "system" | "light" | "sepia" | "dark";
export type FontFamily = "serif" | "sans";
/** The text column's measure (smal, middel, breed): 64, 69 or 73 characters of average text, whatever the font. */
export type LineWidth = "narrow" | "medium" | "wide";

export interface ViewSettings {
  theme: Theme;
  font: FontFamily;
  /** Body text size in px. */
  size: number;
  width: LineWidth;
  /** Line height multiplier. */
  spacing: number;
  /** Notes for blocked posts the page gives no link to are left out. */
  hideUnlinkedNotes: boolean;
  /** Read aloud's speed, one of READ_ALOUD_RATES. */
  readAloudRate: number;
}

export interface Settings {
  view: ViewSettings;
  /** Hostnames (without "www.") where the reading view opens by itself. */
  autoOpenSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  view: { theme: "system", font: "serif", size: 20, width: "medium", spacing: 1.6, hideUnlinkedNotes: false, readAloudRate: 1 },
  autoOpenSites: [],
};

/** Allowed ranges of the numeric view settings, for every control that changes them and for validation. */
export const VIEW_LIMITS = {
  size: { min: 14, max: 32 },
  spacing: { min: 1.2, max: 2.4 },
} as const;

/** The speeds read aloud offers (1 is the voice's own). */
export const READ_ALOUD_RATES: readonly number[] = [0.75, 1, 1.25, 1.5, 2];

export const THEMES: readonly Theme[] = ["system", "light", "sepia", "dark"];
export const FONTS: readonly FontFamily[] = ["serif", "sans"];
export const WIDTHS: readonly LineWidth[] = ["narrow", "medium", "wide"];

/**
 * How many characters of average text fit the column at each width (text-column.ts makes it that
 * wide in the font in use). Lines break between words, so they hold a few fewer: 62, 67 and 72
 * measured in Chromium and Firefox (test/e2e/view-design.e2e.ts).
 */
export const LINE_CHARS: Record<LineWidth, number> = { narrow: 64, medium: 69, wide: 73 };
