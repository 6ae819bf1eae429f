/**
 * Dates and numbers for the reading view, spelled with words from the translation rather than
 * with Intl: the first Intl formatter in a tab loads locale data, which cost 17–19 ms of CPU on
 * the way from the toggle to the view's first frame (measured with `npm run bench:browser`).
 */

/** A publication date ready for a `<time>` element: machine-readable value and reader-facing text. */
export interface FormattedDate {
  datetime: string;
  text: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DUTCH_MONTHS = "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december".split(",");

/** The translation's twelve month names, or Dutch ones when the translation is damaged. */
export function monthNames(list: string): string[] {
  const months = list.split(",").map((m) => m.trim());
  return months.length === 12 && months.every(Boolean) ? months : DUTCH_MONTHS;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/**
 * "14 augustus 2021, 09:12" — a dateline, not a sentence — in the reader's time zone
 * (`offsetMinutes` east of UTC; the reader's own offset at that date by default). A date
 * without a time is shown without one and is not shifted across midnight. Unparseable input
 * gives null: showing no date is better than a wrong one.
 */
export function formatPublished(iso: string | null, months: readonly string[], offsetMinutes?: number): FormattedDate | null {
  if (!iso) return null;
  const value = iso.trim();
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  const offset = dateOnly ? 0 : (offsetMinutes ?? -date.getTimezoneOffset());
  const local = new Date(date.getTime() + offset * 60_000);
  const day = `${local.getUTCDate()} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  if (dateOnly) return { datetime: value, text: day };
  return { datetime: date.toISOString(), text: `${day}, ${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}` };
}

/** One decimal with the translation's separator: "1,6" in Dutch, "1.6" in English. */
export function formatDecimal(n: number, separator: string): string {
  return n.toFixed(1).replace(".", separator || ",");
}

/**
 * When the article was updated, next to its publication: only the time ("22:58") on the day it
 * was published (a liveblog's case), the whole dateline on a later day. Null as formatPublished.
 */
export function formatUpdated(iso: string | null | undefined, published: FormattedDate | null, months: readonly string[], offsetMinutes?: number): FormattedDate | null {
  const updated = formatPublished(iso ?? null, months, offsetMinutes);
  if (!updated || !published) return updated;
  const [day, time] = updated.text.split(", ");
  return published.text.startsWith(`${day}, `) && time ? { ...updated, text: time } : updated;
}
