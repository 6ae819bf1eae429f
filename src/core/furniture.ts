/**
 * Parts of a page that sit among the article's blocks but are no part of the story, known by
 * what they are: the byline block (an author's portrait, name link, description line, date),
 * the save/share toolbar and section label, a loading player's empty box, lines such as
 * "Leestijd 2 min", "Dit artikel is geschreven door", "Wilt u … delen?" and "Volg … op sociale
 * media". Classes and data-* play no part, so an archived copy without them reads the same.
 */
import { AUTHOR_LINK, AVATAR_ADDRESSES, AVATAR_CROP, AVATAR_MAX_SIZE, BYLINE_MAX_TEXT, FURNITURE_LINES, FURNITURE_SELECTOR, PITCH_LINES, PROFILE_HOSTS } from "./furniture-rules";
import { POST_PATH } from "./site-rules";
import { attrOf, closestTag, compileSelector, findDescendant, tagOf } from "./selectors";
import { textOf } from "./text";

const isAuthorLink = compileSelector(AUTHOR_LINK);
const isMarked = compileSelector(FURNITURE_SELECTOR);
/** One test per element of the body before the particular ones. */
const mayBeFurniture = compileSelector(`img,${AUTHOR_LINK},${FURNITURE_SELECTOR}`);
const isH1 = compileSelector("h1");
const ADDRESS_ATTRIBUTES = ["src", "srcset", "data-src", "data-srcset", "currentsourceurl"];
/** A loading box says at most "Video laden": more text is content being refreshed (a liveblog), never a skeleton. */
const SKELETON_MAX_TEXT = 40;

const AVATAR_MIN_SIZE = 16;
const AUTHOR_LINK_DEPTH = 3;
const size = (img: Element, attr: string) => Number(attrOf(img, attr)?.trim() || NaN);

/** An author's portrait: its address, a small square crop, or a place inside the author's link. */
export function isAvatarImage(img: Element): boolean {
  for (const attr of ADDRESS_ATTRIBUTES) {
    const address = attrOf(img, attr);
    if (!address) continue;
    if (AVATAR_ADDRESSES.some((pattern) => pattern.test(address))) return true;
    const crop = AVATAR_CROP.exec(address);
    if (crop && crop[1] === crop[2] && Number(crop[1]) <= AVATAR_MAX_SIZE) return true;
  }
  // A thumbnail, not a 1×1 stand-in for a lazy photo.
  const width = size(img, "width");
  if (width === size(img, "height") && width >= AVATAR_MIN_SIZE && width <= AVATAR_MAX_SIZE / 2) return true;
  // The author's link wraps the portrait closely (a, or a picture inside it).
  let el = img.parentElement;
  for (let depth = 0; el && depth < AUTHOR_LINK_DEPTH; depth++, el = el.parentElement) if (isAuthorLink(el)) return true;
  return false;
}

/** Furniture and pitches are single lines: longer text is never one. */
const LINE_MAX = 200;

/** A line that is furniture (or a pitch) whatever element holds it. */
export function isFurnitureLine(text: string): boolean {
  return text.length <= LINE_MAX && (FURNITURE_LINES.some((line) => line.test(text)) || isPitchLine(text));
}

/** A line of a box asking the reader for a tip, an app, push messages or a subscription. */
export function isPitchLine(text: string): boolean {
  return text.length <= LINE_MAX && PITCH_LINES.some((line) => line.test(text));
}

/**
 * The byline block around an author link: the largest part around it, below `top`, that says
 * little more than the byline does and holds no headline.
 */
function bylineBlock(link: Element, top: Element): Element {
  let block = link;
  for (let up = link.parentElement; up && up !== top && !findDescendant(up, isH1); up = up.parentElement) {
    if (textOf(up).length > BYLINE_MAX_TEXT) break;
    block = up;
  }
  return block;
}

/**
 * The part of `top` that `el` shows to be furniture (`el` itself, or the block or figure around
 * it), or null. Asked of every element of the body in document order.
 */
export function furnitureAt(el: Element, top: Element): Element | null {
  if (!mayBeFurniture(el)) return null;
  if (tagOf(el) === "img") return isAvatarImage(el) ? (closestTag(el, "figure") ?? el) : null;
  if (isAuthorLink(el)) return bylineBlock(el, top);
  if (!isMarked(el)) return null;
  if (attrOf(el, "aria-busy") === "true" && attrOf(el, "role") !== "toolbar" && textOf(el).length > SKELETON_MAX_TEXT) return null;
  return el;
}

/** An element is an author's byline block (or holds the dateline): never the intro. */
export function holdsByline(el: Element): boolean {
  return isAuthorLink(el) || !!findDescendant(el, (d) => isAuthorLink(d) || tagOf(d) === "time" || (tagOf(d) === "img" && isAvatarImage(d)));
}

/**
 * An address of a profile on a social platform rather than of one post: what a title's "Volg
 * ons" block lists. Beside a blocked post the same link belongs to the embed (blocks.ts asks that first).
 */
export function isProfileUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return PROFILE_HOSTS.some((domain) => host === domain || host.endsWith("." + domain)) && !POST_PATH.test(url.pathname);
}
