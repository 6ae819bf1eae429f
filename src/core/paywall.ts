/**
 * Whether the page says the article goes on for subscribers only, so the view can say the
 * text stops where the page's free part stops. Known boxes by their hook, else by their words.
 */
import { PAYWALL_BOX, PAYWALL_TEXT } from "./site-rules";
import { compileSelector, findDescendant } from "./selectors";
import { normalizeText } from "./text";

const isPaywallBox = compileSelector(PAYWALL_BOX);
const isShortLabel = compileSelector("h2,h3,h4,h5,h6,strong,b");
/** Longer than any "Lees verder met …+" heading: a longer one is article text. */
const LABEL_MAX = 60;

function isPaywallLabel(el: Element): boolean {
  if (!isShortLabel(el)) return false;
  const text = el.textContent ?? "";
  return text.length <= LABEL_MAX && PAYWALL_TEXT.test(normalizeText(text));
}

export function hasPaywall(root: Element): boolean {
  return !!findDescendant(root, (el) => isPaywallBox(el) || isPaywallLabel(el));
}
