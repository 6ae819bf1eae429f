/**
 * Whether the page says the article goes on for subscribers only, so the view can say the
 * text stops where the page's free part stops: a known box by its hook, else its heading by
 * its words. Asked of the body's elements during BodyWalker's one pass.
 */
import { PAYWALL_BOX, PAYWALL_TEXT } from "./site-rules";
import { compileSelector } from "./selectors";
import { normalizeText } from "./text";

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
