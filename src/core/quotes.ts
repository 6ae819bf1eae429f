/**
 * Quotes: a `blockquote`, and the pull quote DPG sets as a `figure` around one — a
 * screen-reader line "Quote van NAME - ROLE.", the quote, and an `aria-hidden` caption repeating
 * the speaker (name, `cite` role). That is one quote, with its speaker once, never a figure.
 */
import type { QuoteBlock } from "./article";
import { childElementsOf, compileSelector, findDescendant, first, tagOf } from "./selectors";
import { isEmbedQuote } from "./embeds";
import { textOf } from "./text";

const isBlockquote = compileSelector("blockquote");
/** The screen-reader line: "Quote van Karin Smit - wethouder van Zwolle." */
const SPOKEN_BY = /^Quote van (.+?)(?:\s[-–—]\s(.+?))?\.?$/i;

const LEADING_DASH = /^[—–-]\s*/;
const speaker = (name: string, role: string) => [name.replace(LEADING_DASH, ""), role].filter(Boolean).join(", ") || null;

/** Text and cite of a blockquote; `omit` leaves out inline junk as the body does. */
export function quoteBlock(el: Element, omit: (el: Element) => boolean): QuoteBlock | null {
  const citeEl = first(el, "cite,footer,figcaption");
  const text = textOf(el, (child) => child === citeEl || omit(child));
  const cite = citeEl ? textOf(citeEl).replace(LEADING_DASH, "") || null : null;
  return text ? { type: "quote", text, cite } : null;
}

/** A figure holding a quote: the quote, its speaker from the caption, else from the screen-reader line. */
export function pullQuote(figure: Element, omit: (el: Element) => boolean): QuoteBlock | null {
  const blockquote = findDescendant(figure, isBlockquote);
  if (!blockquote || isEmbedQuote(blockquote)) return null;
  const quote = quoteBlock(blockquote, omit);
  if (!quote || quote.cite) return quote;
  const caption = childElementsOf(figure).find((el) => tagOf(el) === "figcaption");
  if (caption) {
    const role = first(caption, "cite");
    const name = textOf(caption, (el) => el === role);
    return { ...quote, cite: speaker(name, role ? textOf(role) : "") };
  }
  for (let el = figure.firstElementChild; el; el = el.nextElementSibling) {
    const spoken = el === blockquote ? null : SPOKEN_BY.exec(textOf(el));
    if (spoken) return { ...quote, cite: speaker(spoken[1]!, spoken[2] ?? "") };
  }
  return quote;
}
