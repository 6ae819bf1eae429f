/** The latest of these ISO dates, or null when none parses. A module of its own: the content script's merge of added moments (added-blocks.ts) needs it without the page's metadata. */
export function latest(dates: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const date of dates) {
    const value = date?.trim();
    if (value && !Number.isNaN(Date.parse(value)) && (best === null || Date.parse(value) > Date.parse(best))) best = value;
  }
  return best;
}
