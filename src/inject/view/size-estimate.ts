/**
 * The height each later block will take, so the view can reserve it before the block is laid
 * out. Blocks after the first screen are laid out only as the reader nears them
 * (`content-visibility: auto`); a box that has not been laid out takes the size its
 * `contain-intrinsic-size` gives. One guess for all (4em) made the 1 MB liveblog's scrollbar
 * shrink by a quarter while it was read; these estimates come from the block's text and the
 * column as the first screen measured it, so the scrollbar stays where it is.
 */
import type { Block } from "../../core/article";
import { FACES } from "./styles";

/** The column as laid out in the first screen. */
export interface Column {
  /** Content width, px. */
  widthPx: number;
  /** Article text size, px. */
  fontPx: number;
  /** Body line height as a multiple of the text size (the reader's spacing). */
  spacing: number;
  /** Characters of body text per line, as the first screen's paragraphs wrapped. */
  charsPerLine: number;
}

/** A face's size as a multiple of the article's text size, from the view's FACES table. */
function times(selector: string): number {
  const face = FACES.find((f) => f.selector === selector);
  return face && "times" in face.size ? face.size.times : 1;
}

/** Line heights the view's CSS gives these blocks (styles.ts), as multiples of their own size. */
const LINE_HEIGHT = { h2: 1.25, h3: 1.3, caption: 1.45, note: 1.4 };
/** Space the CSS puts between elements inside a block, in em of the block's text. */
const INNER_GAP = { caption: 0.5, listItem: 0.3, quote: 1 };
/** Photos on DPG titles are 3:2; the view reserves that shape until the image says otherwise. */
const IMAGE_RATIO = 2 / 3;
/** Characters a line loses to word wrap, on average (tuned on the liveblog fixture at desktop and phone widths). */
const WRAP_LOSS_CHARS = 2;
/** The sans of captions and notes runs a little wider than the serif body text. */
const SANS_WIDTH = 1.08;

function lines(chars: number, perLine: number): number {
  return Math.max(1, Math.ceil(chars / Math.max(8, perLine)));
}

/** The block's height in px, its own margins left out (they apply whether it is laid out or not). */
export function estimateHeight(block: Block, column: Column): number {
  const { fontPx, charsPerLine } = column;
  const bodyLine = fontPx * column.spacing;
  switch (block.type) {
    case "paragraph":
      return lines(block.text.length, charsPerLine) * bodyLine;
    case "heading": {
      const size = block.level === 3 ? times("h3") : times("h2");
      const lineHeight = block.level === 3 ? LINE_HEIGHT.h3 : LINE_HEIGHT.h2;
      return lines(block.text.length, charsPerLine / size) * size * fontPx * lineHeight;
    }
    case "quote": {
      const text = lines(block.text.length, charsPerLine * 0.95) * bodyLine;
      return block.cite ? text + INNER_GAP.quote * fontPx + bodyLine : text;
    }
    case "list":
      return block.items.reduce((sum, item) => sum + lines(item.length, charsPerLine * 0.93) * bodyLine, 0) + Math.max(0, block.items.length - 1) * INNER_GAP.listItem * fontPx;
    case "figure": {
      const size = times("figcaption, figcaption small");
      const captionChars = (block.caption?.length ?? 0) + (block.credit ? block.credit.length + 2 : 0);
      const image = block.src ? column.widthPx * IMAGE_RATIO : 0;
      const caption = captionChars ? INNER_GAP.caption * size * fontPx + lines(captionChars, charsPerLine / size / SANS_WIDTH) * size * fontPx * LINE_HEIGHT.caption : 0;
      return image + caption;
    }
    case "embed":
      // A note is one short line worded from the post's kind ("Bericht op X — niet geladen").
      // One without a link is set smaller (styles.ts: .lr-unlinked).
      return LINE_HEIGHT.note * times(block.url ? 'aside[data-block="embed"]' : 'aside[data-block="embed"].lr-unlinked') * fontPx;
  }
}

/**
 * Measures the column from the laid-out first screen: its width, and how many characters of
 * body text a line holds there (the face and size as they came out, words wrapped). Reads
 * layout the first frame has already done. Counting the first screen's lines would not do: a
 * handful of paragraphs, each just past a line's end, make the count a fifth too low.
 */
export function measureColumn(article: HTMLElement, fontPx: number, spacing: number): Column {
  const style = getComputedStyle(article);
  const widthPx = article.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  // The width the text itself takes, line by line, against its length: the average character's width.
  let chars = 0;
  let inkPx = 0;
  const range = document.createRange();
  for (const p of article.querySelectorAll<HTMLElement>('p[data-block="paragraph"]:not(.lr-later)')) {
    // Not laid out (hidden, or a DOM without layout): nothing to learn from it.
    if (p.getBoundingClientRect().height <= 0) continue;
    range.selectNodeContents(p);
    for (const rect of range.getClientRects()) inkPx += rect.width;
    chars += p.textContent?.length ?? 0;
  }
  const charPx = chars > 0 && inkPx > 0 ? inkPx / chars : fontPx * 0.5;
  // Words do not fill a line to its end.
  const charsPerLine = widthPx / charPx - WRAP_LOSS_CHARS;
  return { widthPx: Math.max(1, widthPx), fontPx, spacing, charsPerLine: Math.max(8, charsPerLine) };
}

/** Gives each later block its estimated height as the size it takes until it is laid out. */
export function reserveSpace(elements: readonly HTMLElement[], blocks: readonly Block[], column: Column): void {
  elements.forEach((element, i) => {
    const block = blocks[i];
    if (block) element.style.setProperty("contain-intrinsic-size", `auto ${Math.round(estimateHeight(block, column))}px`);
  });
}
