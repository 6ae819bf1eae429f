/**
 * A figure as the reader needs it: one trustworthy image URL (wherever a lazy loader keeps
 * it, <noscript> copies included), the caption without the fullscreen button label, and the
 * credit without its "©"/"Bron"/"Foto" label. A photo series (carousel) is one figure per slide.
 */
import type { FigureBlock } from "./article";
import {
  CAPTION_LABELS, CREDIT_PREFIXES, CREDIT_SELECTOR, EMPTY_ALT, IMAGE_SOURCES, PLACEHOLDER_IMAGE, SLIDE_CAPTION_ATTRIBUTE, SLIDE_CREDIT_ATTRIBUTE,
} from "./site-rules";
import { matchKey, normalizeText, stripLabel, textOf } from "./text";
import { readingSrcsetUrl, safeUrl } from "./urls";
import { isDpgImageUrl } from "./image-hosts";
import { attrOf, childElementsOf, closestTag, compileSelector, findAllDescendants, findDescendant, first, noscriptElements, tagOf } from "./selectors";

const isNoscript = compileSelector("noscript");
const isImg = compileSelector("img");
const isCredit = compileSelector(CREDIT_SELECTOR);
export const isLiveImg = (el: Element) => tagOf(el) === "img" && !closestTag(el, "noscript");
/** The img a scope shows (the scope itself when it is one), not a <noscript> copy. */
const liveImg = (scope: Element) => (isLiveImg(scope) ? scope : findDescendant(scope, isLiveImg));

const CAPTION_LABEL_KEYS = new Set(CAPTION_LABELS.map(matchKey));
const CREDIT_LABEL_KEYS = new Set(CREDIT_PREFIXES.map(matchKey));
/** An element holding only a credit label ("Bron", "©", "foto:"); "©" alone has an empty key. */
const isCreditLabel = (el: Element) => CREDIT_LABEL_KEYS.has(matchKey(el.textContent ?? "")) && !!normalizeText(el.textContent ?? "");
/** An element holding only a label, of a credit or of the fullscreen button. */
const isLabelOnly = (el: Element) => isCreditLabel(el) || CAPTION_LABEL_KEYS.has(matchKey(el.textContent ?? ""));

/**
 * The one gate every image address passes: resolved against the page, https on one of DPG's
 * image hosts, and not a lazy loader's stand-in (data:/blob:, a blank or spacer file).
 */
function acceptImageUrl(raw: string | null | undefined, base: string | null): string | null {
  // A flag like data-lazy="true" is not a relative address.
  const url = raw && ADDRESS_LIKE.test(raw) ? safeUrl(raw, base) : null;
  return url && isDpgImageUrl(url) && !PLACEHOLDER_IMAGE.test(url) ? url : null;
}

const ADDRESS_LIKE = /[/.]/;

/** A 1×1 img is a tracking pixel or a stand-in: its `src` is never the photo. */
function isPixel(img: Element): boolean {
  return attrOf(img, "width")?.trim() === "1" && attrOf(img, "height")?.trim() === "1";
}

/** Candidate addresses of one img, in order of preference. */
function imageCandidates(img: Element): (string | null)[] {
  const picture = closestTag(img, "picture");
  const sources = picture ? childElementsOf(picture).filter((el) => tagOf(el) === "source") : [];
  return IMAGE_SOURCES.flatMap(({ attr, srcset }) => {
    if (srcset) return [img, ...sources].map((el) => readingSrcsetUrl(attrOf(el, attr)));
    return attr === "src" && isPixel(img) ? [] : [attrOf(img, attr)];
  });
}

function imageUrl(img: Element, base: string | null): string | null {
  for (const raw of imageCandidates(img)) {
    const url = acceptImageUrl(raw, base);
    if (url) return url;
  }
  return null;
}

function altOf(img: Element | null | undefined): string {
  const alt = normalizeText((img && attrOf(img, "alt")) ?? "");
  return EMPTY_ALT.test(alt) ? "" : alt;
}

/** The live img's address, else one from a <noscript> copy of it. */
export function imageOf(scope: Element, base: string | null): { src: string | null; alt: string } {
  const img = liveImg(scope);
  const fromImg = img ? imageUrl(img, base) : null;
  if (fromImg) return { src: fromImg, alt: altOf(img) };
  for (const noscript of findAllDescendants(scope, isNoscript)) {
    for (const copy of noscriptElements(noscript, isImg)) {
      const src = imageUrl(copy, base);
      if (src) return { src, alt: altOf(img) || altOf(copy) };
    }
  }
  return { src: null, alt: altOf(img) };
}

/**
 * A credit with its label ("© EPA", "Bron: ANP", "foto Harmen de Jong") → the name; null when
 * the text does not open with a label. A word label must be followed by a name, so a caption
 * like "Foto van de brand" stays a caption.
 */
function labelledCredit(text: string): string | null {
  const name = stripLabel(text, CREDIT_PREFIXES);
  if (name === text) return null;
  const wordLabel = /^[a-z]+\s/i.test(text);
  return wordLabel && name[0] !== name[0]!.toUpperCase() ? null : name;
}

/**
 * The credit part of a caption: a credit-ish element that is not just the label, the element
 * after a label of its own ("Bron" then the name), or a last part that opens with a label.
 */
function creditElement(figcaption: Element): Element | null {
  const hooked = findAllDescendants(figcaption, isCredit).find((el) => !isLabelOnly(el));
  if (hooked) return hooked;
  const label = findDescendant(figcaption, (el) => !!el.nextElementSibling && isCreditLabel(el));
  if (label) return label.nextElementSibling;
  const last = figcaption.lastElementChild;
  return last && last !== figcaption.firstElementChild && labelledCredit(textOf(last)) !== null ? last : null;
}

/** Where a credit written into the caption text may start: the text's start, or after a sentence. */
const CREDIT_START = /(?:^|(?<=[.!?)”"'’])\s+)(?=©|bron\b|foto\b|beeld\b)/gi;

/** "Caption. © EPA" or "Caption. Foto: ANP" as one text: split at the last labelled credit. */
function trailingCredit(caption: string): { caption: string; credit: string } | null {
  const at = caption.lastIndexOf("©");
  if (at >= 0) return { caption: caption.slice(0, at).trim(), credit: caption.slice(at + 1).trim() };
  for (const match of [...caption.matchAll(CREDIT_START)].reverse()) {
    const credit = labelledCredit(caption.slice(match.index + match[0].length));
    if (credit && !/[.!?]/.test(credit)) return { caption: caption.slice(0, match.index).trim(), credit };
  }
  return null;
}

function stripLabels(caption: string): string {
  let text = caption;
  for (const label of CAPTION_LABELS) {
    if (text.toLowerCase().startsWith(label.toLowerCase())) text = text.slice(label.length).trim();
  }
  return text;
}

/** Splits a figcaption (or a caption line) into caption and credit. */
export function captionParts(figcaption: Element | null): { caption: string | null; credit: string | null } {
  if (!figcaption) return { caption: null, credit: null };
  const creditEl = creditElement(figcaption);
  // A label in its own element ("Bron " before a cite, an sr-only "Volledig scherm") is neither part.
  const isLabel = (el: Element) => el === creditEl || isLabelOnly(el);
  let caption = stripLabels(textOf(figcaption, isLabel));
  let credit: string | null = creditEl ? stripLabel(textOf(creditEl), CREDIT_PREFIXES) : null;
  const split = creditEl ? null : trailingCredit(caption);
  if (split) ({ caption, credit } = split);
  return { caption: caption || null, credit: credit || null };
}

/** A figure from its parts; none when there is neither image nor caption nor credit. */
function makeFigure(src: string | null, alt: string, caption: string | null, credit: string | null): FigureBlock | null {
  if (!src && !caption && !credit) return null;
  const text = [caption, credit && `© ${credit}`].filter(Boolean).join(" ");
  return { type: "figure", text, src, alt, caption, credit };
}

/**
 * The figure of the image in `imageScope`, captioned by `captionScope` (a figcaption, or the
 * caption line printed under an image without <figure>); a caption and credit the img carries as
 * attributes (a series' slide) come first.
 */
export function figureOf(imageScope: Element, captionScope: Element | null, base: string | null): FigureBlock | null {
  const { src, alt } = imageOf(imageScope, base);
  const img = liveImg(imageScope);
  const captionAttr = normalizeText((img && attrOf(img, SLIDE_CAPTION_ATTRIBUTE)) ?? "");
  const creditAttr = normalizeText((img && attrOf(img, SLIDE_CREDIT_ATTRIBUTE)) ?? "");
  if (captionAttr || creditAttr) return makeFigure(src, alt, captionAttr || null, stripLabel(creditAttr, CREDIT_PREFIXES) || null);
  const { caption, credit } = captionParts(captionScope);
  return makeFigure(src, alt, caption, credit);
}

export function figureBlock(el: Element, base: string | null): FigureBlock | null {
  return figureOf(el, first(el, "figcaption"), base);
}
