/**
 * Photos without a <figure>: an img in a box of its own, its caption and credit on the line
 * under it ("De brandweer bij het pand. © ANP"), as text copies and layouts no family knows
 * print them. The box becomes a figure and the caption line its caption, in any layout. Only
 * an image that passes the image gate, and no author photo or teaser image, is a photo.
 */
import { captionParts, imageOf, isLiveImg } from "./figures";
import { isDpgImageUrl } from "./image-hosts";
import { isAvatarImage } from "./furniture";
import { BLOCK_TAGS, CAPTION_LABELS, CAPTION_MAX_LENGTH } from "./site-rules";
import { attrOf, childElementsOf, closestTag, findAllDescendants, findDescendant, tagOf } from "./selectors";
import { matchKey, textOf } from "./text";
import { safeUrl } from "./urls";

export interface LoosePhoto {
  /** The element holding the photo (and no other photo, and no text, or only its caption). */
  box: Element;
  /** Where its caption is printed: the box itself, the line under it, or nowhere. */
  caption: Element | null;
}

const IMAGE_FILE = /\.(?:jpe?g|png|webp|gif|avif)$/i;
const CAPTION_LABEL_KEYS = CAPTION_LABELS.map(matchKey);
/** A class that says caption: a hint, where the line itself names no credit. */
const CAPTION_HINT = /caption|onderschrift|bijschrift/i;
const isContent = (el: Element) => /^(?:h[1-6]|ul|ol|table|blockquote|figure|iframe)$/.test(tagOf(el));

/** No image the gate lets through, an author's face in a byline, a teaser's picture behind a link to another page: no photo of the article. */
function isFurniture(img: Element, base: string | null): boolean {
  if (!imageOf(img, base).src || isAvatarImage(img)) return true;
  const link = closestTag(img, "a");
  const href = link ? safeUrl(attrOf(link, "href"), base) : null;
  return !!href && !isImageAddress(href);
}

/** A link to the photo itself (its full size), not to another page: on an image host, or an image file. */
function isImageAddress(href: string): boolean {
  const url = new URL(href);
  return (/^images?\d*\./i.test(url.hostname) && isDpgImageUrl(href)) || IMAGE_FILE.test(url.pathname);
}

/**
 * A caption line: short, no other photo (than the one in `box`), no article parts, and it names a
 * credit or opens with the fullscreen label.
 */
function isCaptionLine(el: Element | null, box?: Element): el is Element {
  if (!el || findDescendant(el, (d) => isLiveImg(d) && !box?.contains(d)) || findDescendant(el, isContent)) return false;
  const text = textOf(el);
  if (!text || text.length > CAPTION_MAX_LENGTH) return false;
  if (tagOf(el) === "figcaption" || CAPTION_HINT.test(attrOf(el, "class") ?? "")) return true;
  const key = matchKey(text);
  return captionParts(el).credit !== null || CAPTION_LABEL_KEYS.some((label) => key.startsWith(label) && key !== label);
}

/**
 * The loose photos of a body, by their box. `handled` says whether an element is read another
 * way already (a figure, a series, junk, an embed): photos inside it are not loose.
 */
export function findLoosePhotos(body: Element, base: string | null, handled: (el: Element) => boolean): Map<Element, LoosePhoto> {
  const photos = new Map<Element, LoosePhoto>();
  // The live collection is far cheaper than a walk over the whole body.
  const imgs = body.getElementsByTagName("img");
  for (let i = 0; i < imgs.length; i++) {
    const img: Element = imgs[i]!;
    if (!isLiveImg(img)) continue;
    let inside = false;
    for (let cur: Element | null = img; cur && cur !== body && !inside; cur = cur.parentElement) inside = tagOf(cur) === "figure" || handled(cur);
    if (inside || isFurniture(img, base)) continue;
    // The largest box around the img that holds nothing else: no text, no other photo.
    let box: Element = img;
    while (box.parentElement && box.parentElement !== body && !textOf(box.parentElement) && findAllDescendants(box.parentElement, isLiveImg).length === 1) {
      box = box.parentElement;
    }
    const parent = box.parentElement;
    if (parent && parent !== body && !handled(parent) && holdsOnlyCaption(parent, box, handled) && isCaptionLine(parent, box)) {
      photos.set(parent, { box: parent, caption: parent });
    } else if (BLOCK_TAGS.has(tagOf(box)) || !textOf(box.parentElement ?? box)) {
      const next = box.nextElementSibling;
      photos.set(box, { box, caption: isCaptionLine(next) && !handled(next) ? next : null });
    }
  }
  return photos;
}

/** Beside the photo's box, the parent holds one caption line at most: no second block, nothing read otherwise (a marker, an ad). */
function holdsOnlyCaption(parent: Element, box: Element, handled: (el: Element) => boolean): boolean {
  const others = childElementsOf(parent).filter((child) => child !== box);
  return others.filter((child) => BLOCK_TAGS.has(tagOf(child))).length <= 1 && !others.some((child) => handled(child) || !!findDescendant(child, handled));
}
