/** A publication date ready for a `<time>` element: machine-readable value and reader-facing text. */
export interface FormattedDate {
  datetime: string;
  text: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The translation's formatting locale, or Dutch when it is missing or malformed (Intl would throw). */
export function usableLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "nl-NL";
  } catch {
    return "nl-NL";
  }
}

/**
 * "14 augustus 2021, 09:12" (nl) or "14 August 2021, 09:12" (en-GB). Date and time are
 * formatted separately because the locales' own combined forms ("… om 09:12", "… at 09:12")
 * read as a sentence rather than a dateline. A date without a time is shown without one and
 * is not shifted across midnight by the reader's time zone. Unparseable input gives null:
 * showing no date is better than a wrong one.
 */
export function formatPublished(iso: string | null, locale: string, timeZone?: string): FormattedDate | null {
  if (!iso) return null;
  const value = iso.trim();
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  const zone = dateOnly ? "UTC" : timeZone;
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: zone }).format(date);
  if (dateOnly) return { datetime: value, text: day };
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(date);
  return { datetime: date.toISOString(), text: `${day}, ${time}` };
}
