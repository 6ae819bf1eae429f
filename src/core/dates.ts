/**
 * A publication date as ISO 8601. Pages put ISO in `<time datetime>`, but archived and some live
 * copies carry the display text there ("17 juli 2026, 21:00"): that is the time in the
 * Netherlands or Belgium (Europe/Amsterdam and Europe/Brussels keep the same clock), so it is
 * read with the offset that held there on that day.
 */

const MONTHS: [RegExp, number][] = [
  [/^jan|^janv/, 1], [/^feb|^fév|^fev/, 2], [/^m(?:aa)?rt|^mars/, 3], [/^apr|^avr/, 4], [/^mei|^mai/, 5], [/^jun|^juin/, 6],
  [/^jul|^juil/, 7], [/^aug|^août|^aout/, 8], [/^sep/, 9], [/^o[ck]t/, 10], [/^nov/, 11], [/^dec|^déc/, 12],
];

/** Somewhere in the text, so a dateline's own words around it ("Gepubliceerd op …") do not hide it. */
const DISPLAY_DATE = /(?:^|\s)(\d{1,2})(?:er)? ([a-zéû]+)\.? (\d{4})(?:,? (?:om |à )?(\d{1,2})[:.uh](\d{2}))?(?!\d)/i;
/** Already machine-readable: a date, optionally with a time. */
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|$)/;

/** Last Sunday of a month, as a UTC day of the month. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Central European summer time runs from the last Sunday of March to that of October, 01:00 UTC both. */
function amsterdamOffsetHours(year: number, month: number, day: number, hour: number): number {
  const utc = Date.UTC(year, month - 1, day, hour - 1);
  const start = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 10), 1);
  return utc >= start && utc < end ? 2 : 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "17 juli 2026, 21:00" (also inside a line: "Gepubliceerd op 17 juli 2026, 22:00") →
 * "2026-07-17T21:00:00+02:00"; "17 juli 2026" → "2026-07-17"; no date → null.
 */
export function displayDateToIso(text: string): string | null {
  const match = DISPLAY_DATE.exec(text);
  if (!match) return null;
  const [, d, monthWord, y, h, min] = match;
  const month = MONTHS.find(([pattern]) => pattern.test(monthWord!.toLowerCase()))?.[1];
  const day = Number(d);
  const year = Number(y);
  if (!month || day < 1 || day > 31) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (h === undefined) return date;
  const hour = Number(h);
  const minute = Number(min);
  if (hour > 23 || minute > 59) return null;
  return `${date}T${pad(hour)}:${pad(minute)}:00+0${amsterdamOffsetHours(year, month, day, hour)}:00`;
}

/** A `datetime` value as ISO: verbatim when it already is, read as Dutch or French display text when not. */
export function datetimeValue(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  return ISO_LIKE.test(value) ? value : displayDateToIso(value);
}
