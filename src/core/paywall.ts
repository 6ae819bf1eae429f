/**
 * Whether the page says the article goes on for subscribers only, so the view can say the
 * text stops where the page's free part stops: a known box by its hook, the part its JSON-LD
 * marks as not free, else the box's heading by its words. Asked of the body's elements during
 * BodyWalker's one pass.
 */
import { PAYWALL_BOX, PAYWALL_TEXT } from "./site-rules";
import { compileSelector } from "./selectors";
import { normalizeText } from "./text";
import { jsonLdObjects } from "./page-head";

export const isPaywallBox = compileSelector(PAYWALL_BOX);
const isLabelTag = compileSelector("h2,h3,h4,h5,h6,strong,b");
/** Longer than any "Lees verder met …+" heading: a longer one is article text. */
const LABEL_MAX = 60;

/** "Lees verder met PZC+" where no hook is left. */
export function isPaywallLabel(el: Element): boolean {
  if (!isLabelTag(el)) return false;
  const text = el.textContent ?? "";
  return text.length <= LABEL_MAX && PAYWALL_TEXT.test(normalizeText(text));
}

/** A page-given selector longer than this is no selector of a paid part. */
const SELECTOR_MAX = 200;

/**
 * The elements of `body` that the page's JSON-LD names as not free (`hasPart` with
 * `isAccessibleForFree: false` and a `cssSelector`, as publishers tell search engines): the
 * paywall box, or paid text shipped hidden. The selector is the page's own; one the engine
 * refuses names nothing.
 */
export function paidParts(body: Element): Element[] {
  const parts: Element[] = [];
  for (const obj of jsonLdObjects(body.ownerDocument, "cssSelector")) {
    const selector = obj.cssSelector;
    if (typeof selector !== "string" || selector.length > SELECTOR_MAX || !isNotFree(obj.isAccessibleForFree)) continue;
    try {
      for (const el of body.querySelectorAll(selector)) if (!parts.some((p) => p.contains(el))) parts.push(el);
    } catch {
      // Not a selector this engine knows.
    }
  }
  return parts;
}

const isNotFree = (value: unknown) => value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
