/**
 * A figure as the reader needs it: one trustworthy image URL (lazy-loading attributes and
 * <noscript> copies included), the caption without the fullscreen button label, and the
 * credit without its "©"/"Bron" prefix.
 */
import type { FigureBlock } from "./article";
import { CAPTION_LABELS, CREDIT_PREFIXES, CREDIT_SELECTOR } from "./site-rules";
import { matchKey, normalizeText, stripLabel, textOf } from "./text";
import { largestSrcsetUrl, safeUrl } from "./urls";
import { isDpgImageUrl } from "./image-hosts";
import { closestTag, compileSelector, findAllDescendants, findDescendant, first, noscriptElements } from "./selectors";

const isNoscript = compileSelector("noscript");
const isImg = compileSelector("img");

const LABEL_KEYS = CAPTION_LABELS.map(matchKey);

/** Attribute readers in order of preference; the first https URL on a DPG image host wins. */
const IMAGE_SOURCES: ((img: Element) => string | null)[] = [
  (img) => img.getAttribute("src"),
  (img) => img.getAttribute("data-src"),
  (img) => img.getAttribute("data-lazy-src"),
  (img) => largestSrcsetUrl(img.getAttribute("srcset")),
  (img) => largestSrcsetUrl(img.getAttribute("data-srcset")),
  (img) => {
    const picture = closestTag(img, "picture");
    return largestSrcsetUrl((picture && first(picture, "source[srcset]")?.getAttribute("srcset")) ?? null);
  },
];

function imageUrl(img: Element, base: string | null): string | null {
  for (const read of IMAGE_SOURCES) {
    const url = safeUrl(read(img), base);
    if (url && isDpgImageUrl(url)) return url;
  }
  return null;
}

function figureImageUrl(figure: Element, base: string | null): { src: string | null; alt: string } {
  const img = findDescendant(figure, (el) => el.localName === "img" && !closestTag(el, "noscript"));
  const fromImg = img ? imageUrl(img, base) : null;
  if (fromImg) return { src: fromImg, alt: normalizeText(img!.getAttribute("alt") ?? "") };
  for (const noscript of findAllDescendants(figure, isNoscript)) {
    for (const copy of noscriptElements(noscript, isImg)) {
      const src = imageUrl(copy, base);
      if (src) return { src, alt: normalizeText(img?.getAttribute("alt") ?? copy.getAttribute("alt") ?? "") };
    }
  }
  return { src: null, alt: normalizeText(img?.getAttribute("alt") ?? "") };
}

function stripLabels(caption: string): string {
  let text = caption;
  for (const label of CAPTION_LABELS) {
    if (text.toLowerCase().startsWith(label.toLowerCase())) text = text.slice(label.length).trim();
  }
  return text;
}

/** Splits a figcaption into caption and credit. */
function captionParts(figcaption: Element | null): { caption: string | null; credit: string | null } {
  if (!figcaption) return { caption: null, credit: null };
  const creditEl = first(figcaption, CREDIT_SELECTOR);
  const isLabel = (el: Element) => {
    const key = matchKey(el.textContent ?? "");
    return el === creditEl || LABEL_KEYS.includes(key) || key === "bron";
  };
  let caption = stripLabels(textOf(figcaption, isLabel));
  let credit = creditEl ? stripLabel(textOf(creditEl), CREDIT_PREFIXES) : null;
  if (!creditEl) {
    const at = caption.lastIndexOf("©");
    if (at >= 0) {
      credit = caption.slice(at + 1).trim();
      caption = caption.slice(0, at).trim();
    }
  }
  return { caption: caption || null, credit: credit || null };
}

export function figureBlock(figure: Element, base: string | null): FigureBlock | null {
  const { src, alt } = figureImageUrl(figure, base);
  const { caption, credit } = captionParts(first(figure, "figcaption"));
  if (!src && !caption && !credit) return null;
  const text = [caption, credit && `© ${credit}`].filter(Boolean).join(" ");
  return { type: "figure", text, src, alt, caption, credit };
}
