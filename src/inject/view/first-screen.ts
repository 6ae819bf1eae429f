/**
 * How many of the article's blocks the view's first frame holds. The first frame is what the
 * reader waits for after the toggle, and its layout cost grows with the text in it (measured:
 * the seed page's first frame took 4 ms less CPU with three blocks than with all ten), so the
 * view paints a screenful first and adds the rest right after. A rough estimate is enough: it
 * errs towards more text, and a short miss shows only for that one frame.
 */
import type { Block } from "../../core/article";

export interface ScreenMetrics {
  /** Viewport height, px. */
  height: number;
  /** Article font size, px. */
  fontPx: number;
  /** Line height as a multiple of the font size. */
  spacing: number;
  /** Characters the column holds a line (text-column.ts makes it that wide). */
  lineChars: number;
}

/** Toolbar, title, intro and dateline, in lines of body text: they come before any block (measured: 12 on the seed page). */
const HEADER_LINES = 12;
/**
 * In the first frame a figure's image has not loaded yet (it is a separate request, even from
 * the cache), so the figure is its caption and a line of space; counting the image's final
 * height here left the bottom of a tall screen empty for that frame.
 */
const FIGURE_LINES = 1;
/** A blocked post's note, "Bericht op Instagram — niet geladen ↗", in characters. */
const NOTE_CHARS = 40;
/** Space between blocks, in lines. */
const GAP_LINES = 0.7;
function blockChars(block: Block): number {
  if (block.type === "list") return block.items.reduce((sum, item) => sum + item.length + 20, 0);
  if (block.type === "figure") return block.caption?.length ?? 0;
  // A note is one short line the view words itself (embed-note.ts).
  if (block.type === "embed") return NOTE_CHARS;
  return block.text.length;
}

/** The number of leading blocks that reach past the bottom of the first screen (at least one). */
export function firstScreenBlocks(blocks: readonly Block[], screen: ScreenMetrics): number {
  const lineHeight = Math.max(1, screen.fontPx * screen.spacing);
  const lines = Math.max(1, screen.height) / lineHeight;
  // The column's full capacity: lines break between words and hold a little less, so the
  // estimate counts generously and fills past the fold rather than short of it.
  const charsPerLine = Math.max(10, screen.lineChars);
  let used = HEADER_LINES;
  let count = 0;
  while (count < blocks.length && used < lines) {
    const block = blocks[count]!;
    used += Math.ceil(blockChars(block) / charsPerLine) + GAP_LINES + (block.type === "figure" ? FIGURE_LINES : 0);
    count += 1;
  }
  return Math.max(count, Math.min(1, blocks.length));
}
