/**
 * Whether the page says the article goes on for subscribers only, and which of its parts this
 * reader was not given. Any one sign will do, so a page that lost its hooks (an archived copy
 * without classes and data-*) still says it: the box's hook; a part the page's JSON-LD declares
 * paid or names by id; the box's heading by its words; a box that offers both a subscription
 * and a login. Paid text the page ships hidden is never the reader's (the view lifts no
 * paywall), and paid text the page shows is a subscriber's: never dropped. Asked of the body's
 * elements during BodyWalker's one pass.
 */
import { CAROUSEL, CAROUSEL_SLIDE, LOGIN_LINK, PAYWALL_BOX, PAYWALL_PART, PAYWALL_TEXT, SUBSCRIBE_LINK } from "./site-rules";
import { attrOf, compileSelector, findDescendant } from "./selectors";
import { normalizeText, textOf } from "./text";
import { jsonLdObjects } from "./page-head";

const isPaywallBox = compileSelector(PAYWALL_BOX);
const isNamedPart = compileSelector(PAYWALL_PART);
const isLabelTag = compileSelector("h2,h3,h4,h5,h6,strong,b");
const isSubscribeLink = compileSelector(SUBSCRIBE_LINK);
const isLoginLink = compileSelector(LOGIN_LINK);
const isOffer = compileSelector(`${SUBSCRIBE_LINK},${LOGIN_LINK}`);
const isSlide = compileSelector(`${CAROUSEL},${CAROUSEL_SLIDE}`);
/** Longer than any "Lees verder met …+" heading: a longer one is article text. */
const LABEL_MAX = 60;
/** The most text a box around a login and a subscription link holds (pitch, perks, both links). */
const BOX_TEXT = 600;
/** How far up from a login link its box may be. */
const BOX_DEPTH = 4;
/** A page-given selector longer than this is no selector of a paid part. */
const SELECTOR_MAX = 200;
/** Selectors declared paid that are looked up, at most: a page declares one or two. */
const MAX_DECLARED = 10;
/** A declared selector matching more elements than this ("p", "div") names no part but the page's markup: ignored. */
const MAX_MATCHES = 8;
const HIDDEN_STYLE = /display\s*:\s*none/i;

/** "Lees verder met PZC+", "Dit is een artikel voor abonnees": the heading of a paywall box. */
function isPaywallLabel(el: Element): boolean {
  if (!isLabelTag(el)) return false;
  const text = el.textContent ?? "";
  return text.length <= LABEL_MAX && PAYWALL_TEXT.test(normalizeText(text));
}

const isPaywallSign = (el: Element) => isPaywallBox(el) || isPaywallLabel(el) || isLoginLink(el);

/**
 * Shown to no reader by the page itself. Not so: `hidden="until-found"` (text the browser reveals
 * when the reader searches or follows a link to it) and a carousel's resting slides (the article's photos).
 */
export function isHidden(el: Element): boolean {
  const attribute = attrOf(el, "hidden");
  const hidden = (attribute !== null && attribute.trim().toLowerCase() !== "until-found") || HIDDEN_STYLE.test(attrOf(el, "style") ?? "");
  return hidden && !isSlide(el);
}

const isNotFree = (value: unknown) => value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");

/**
 * The elements of `body` that the page's JSON-LD names as not free (`isAccessibleForFree: false`
 * with a `cssSelector`, as publishers tell search engines). The selector is the page's own: one
 * the engine refuses, or one that names the page's markup at large, names nothing.
 */
function declaredParts(body: Element): Set<Element> {
  const parts = new Set<Element>();
  const doc = body.ownerDocument;
  let looked = 0;
  for (const obj of jsonLdObjects(doc, "cssSelector")) {
    if (!isNotFree(obj.isAccessibleForFree)) continue;
    for (const selector of ([] as unknown[]).concat(obj.cssSelector)) {
      if (typeof selector !== "string" || selector.length > SELECTOR_MAX || looked++ >= MAX_DECLARED) continue;
      let found: NodeListOf<Element>;
      try {
        found = doc.querySelectorAll(selector);
      } catch {
        // Not a selector this engine knows.
        continue;
      }
      if (found.length > MAX_MATCHES) continue;
      for (const el of found) if (el !== body && body.contains(el)) parts.add(el);
    }
  }
  return parts;
}

/** Some of the body's text comes before `el` (`ignored`: parts that are not body text, such as the header). */
function followsText(el: Element, body: Element, ignored: (el: Element) => boolean): boolean {
  for (let cur: Element | null = el; cur && cur !== body; cur = cur.parentElement) {
    for (let before = cur.previousElementSibling; before; before = before.previousElementSibling) {
      if (!ignored(before) && textOf(before)) return true;
    }
  }
  return false;
}

export class Paywall {
  /** The page shows that the article goes on for subscribers only. */
  found = false;
  private readonly declared: Set<Element>;
  /** Declared paid parts the markup shows: a subscriber's text, unless the page also shows its paywall. */
  private readonly shownDeclared: Element[] = [];

  constructor(private readonly body: Element) {
    this.declared = declaredParts(body);
  }

  /**
   * Called for every element of the body, in document order; true when the element is no text
   * for this reader: the paywall box, a declared or paywall-named part that is hidden or an
   * offer, or anything the page hides.
   */
  visit(el: Element): boolean {
    if (isPaywallBox(el)) return (this.found = true);
    const hidden = isHidden(el);
    const declared = this.declared.has(el);
    if ((declared || isNamedPart(el)) && (hidden || this.isOfferBox(el))) return (this.found = true);
    if (declared) this.shownDeclared.push(el);
    return hidden;
  }

  /**
   * Where the free part ends, when `el` shows it: the box's heading ("Lees verder met PZC+") where
   * its box lost its hooks, or a box that offers a subscription and a login whatever its words.
   */
  endAt(el: Element): Element | null {
    if (isPaywallLabel(el)) {
      this.found = true;
      return el;
    }
    const box = isLoginLink(el) ? this.offerAround(el) : null;
    if (box) this.found = true;
    return box;
  }

  /**
   * After the pass: the declared paid parts that are in the markup but, as the page's paywall
   * says, not for this reader (a style sheet hides them). Not a part that holds the paywall
   * itself or starts the body's text: a page declaring its whole body paid has its free part in it.
   * `ignored`: parts already known not to be body text (the header, ads).
   */
  withheld(ignored: (el: Element) => boolean): Element[] {
    if (!this.found) return [];
    return this.shownDeclared.filter((el) => !findDescendant(el, isPaywallSign) && followsText(el, this.body, ignored));
  }

  /**
   * A shown part named for the paywall is its box when it is box-sized and sells: a larger one, or
   * one that sells nothing, is a subscriber's paid text (theirs to read) or a wrapper around the article.
   */
  private isOfferBox(el: Element): boolean {
    return !!findDescendant(el, isOffer) && textOf(el).length <= BOX_TEXT;
  }

  /** A login link's box that also sells a subscription and says little else: "Al abonnee? Log in" under the offer. */
  private offerAround(login: Element): Element | null {
    let box = login.parentElement;
    for (let depth = 0; box && box !== this.body && depth < BOX_DEPTH; depth++, box = box.parentElement) {
      if (findDescendant(box, isSubscribeLink)) return textOf(box).length <= BOX_TEXT ? box : null;
    }
    return null;
  }
}
