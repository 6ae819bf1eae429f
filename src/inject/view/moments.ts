/**
 * A liveblog's moments: headings that start with a time ("22:58 Zwembad vol"). Which end is
 * newest follows from the times themselves, since some titles list moments newest first and
 * others oldest first. A module without imports: the view's jumps and live.js both read it.
 */
import type { Block } from "../../core/article";

export const MOMENT = /^([01]?\d|2[0-3])[:.]([0-5]\d)\b/;
/** Fewer timed headings than this is an article with a timeline, not a liveblog. */
const MIN_MOMENTS = 3;

/** The index (in `blocks`) of the newest moment's heading, or null when the article is no liveblog. */
export function newestMoment(blocks: readonly Block[]): number | null {
  const moments: { index: number; minutes: number }[] = [];
  blocks.forEach((block, index) => {
    const match = block.type === "heading" ? MOMENT.exec(block.text.trim()) : null;
    if (match) moments.push({ index, minutes: Number(match[1]) * 60 + Number(match[2]) });
  });
  if (moments.length < MIN_MOMENTS) return null;
  const [first, last] = [moments[0]!, moments.at(-1)!];
  return first.minutes >= last.minutes ? first.index : last.index;
}

