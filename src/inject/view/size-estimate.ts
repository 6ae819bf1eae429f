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
const LINE_HEIGHT = { h2: 1.25, h3: 1.3, caption: 1.45, note: 1.5 };
/** Space the CSS puts between elements inside a block, in em of the block's text. */
const INNER_GAP = { caption: 0.5, note: 0.4, listItem: 0.3, quote: 1 };
/** Photos on DPG titles are 3:2; the view reserves that shape until the image says otherwise. */
const IMAGE_RATIO = 2 / 3;
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
    case "embed": {
      const size = times('aside[data-block="embed"]');
      const perLine = charsPerLine / size / SANS_WIDTH;
      // Title, then a link and a hint when the post is linked, else a line saying what is missing.
      const paragraphs = [block.text ? lines(block.text.length, perLine) : 0, ...(block.url ? [1, 1] : block.text ? [] : [1])].filter(Boolean);
      const lineCount = paragraphs.reduce((a, b) => a + b, 0);
      return (lineCount * LINE_HEIGHT.note + Math.max(0, paragraphs.length - 1) * INNER_GAP.note) * size * fontPx;
    }
  }
}

/**
 * Measures the column from the laid-out first screen: its width, and how many characters its
 * paragraphs fit on a line (which covers the face, the size and how words wrap). Reads layout
 * that the first frame has already done; falls back to a typical serif's width when the first
 * screen has no paragraph.
 */
export function measureColumn(article: HTMLElement, fontPx: number, spacing: number): Column {
  const style = getComputedStyle(article);
  const widthPx = article.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  let chars = 0;
  let lineCount = 0;
  for (const p of article.querySelectorAll<HTMLElement>('p[data-block="paragraph"]:not(.lr-later)')) {
    const height = p.getBoundingClientRect().height;
    if (height <= 0) continue;
    chars += p.textContent?.length ?? 0;
    // A last line is half full on average; estimateHeight rounds up for it, so it is left out here.
    lineCount += Math.max(1, Math.round(height / (fontPx * spacing))) - 0.5;
  }
  const charsPerLine = lineCount > 0 ? chars / lineCount : widthPx / (fontPx * 0.5);
  return { widthPx: Math.max(1, widthPx), fontPx, spacing, charsPerLine: Math.max(8, charsPerLine) };
}

/** Gives each later block its estimated height as the size it takes until it is laid out. */
export function reserveSpace(elements: readonly HTMLElement[], blocks: readonly Block[], column: Column): void {
  elements.forEach((element, i) => {
    const block = blocks[i];
    if (block) element.style.setProperty("contain-intrinsic-size", `auto ${Math.round(estimateHeight(block, column))}px`);
  });
}
