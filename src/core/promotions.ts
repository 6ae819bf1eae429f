/**
 * Promotions found by what they are, not by their classes or words: blocks whose text is
 * mostly links leading away from the article (share buttons; "Lees ook", "Meest gelezen" and
 * tag lists: other pages of the same publisher; "Volg ons": the title's social profiles), and small boxes built around a control: a
 * form, an app-store, newsletter, subscription or comment link, a video widget. Reading a
 * block's text is the costly part, so it is only read for blocks holding such a link or control.
 */
import { AWAY_LINKS, CONTROL_BOXES } from "./site-rules";
import { attrOf, compileSelector, tagOf } from "./selectors";
import { siteFor } from "./sites";
import { textOf } from "./text";
import { isProfileUrl } from "./furniture";
import { safeUrl } from "./urls";

/** Share of a block's text in away-links that makes it a promotion rather than prose with links. */
const AWAY_SHARE = 0.6;
/** What an icon-only link ("f", a WhatsApp logo) stands for in text. */
const ICON_LINK_TEXT = 8;

const isLink = compileSelector("a[href]");
const CONTROLS = CONTROL_BOXES.map(({ selector, maxText, inSentence }) => ({ test: compileSelector(selector), maxText, inSentence: !!inSentence }));
/** Any control at all: one test per element instead of one per kind. */
const isControl = compileSelector(CONTROL_BOXES.map((c) => c.selector).join(","));

/**
 * The publisher a host belongs to: all DPG titles are one (their teasers cross-link: a
 * Gelderlander page promotes AD articles), any other host is its own without www.
 */
function publisherOf(host: string): string {
  return siteFor(host) ? "DPG Media" : host.replace(/^www\./, "");
}

export class Promotions {
  /** Per ancestor: text length of the away-links inside it. */
  private readonly awayText = new Map<Element, number>();
  /** Boxes around a control (form, app link, widget), with the most text each may hold. */
  private readonly boxes = new Map<Element, number>();
  private readonly page: URL | null;

  constructor(private readonly body: Element, pageUrl: string | null) {
    const safe = safeUrl(pageUrl, null);
    this.page = safe ? new URL(safe) : null;
  }

  /** Called for every element of the body, in document order (BodyWalker's one pass). */
  visit(el: Element): void {
    if (isLink(el) && this.leadsAway(attrOf(el, "href")!)) this.add(el, Math.max(ICON_LINK_TEXT, textOf(el).length));
    const control = isControl(el) ? CONTROLS.find((c) => c.test(el)) : undefined;
    const box = control && this.boxAround(el, control.inSentence);
    if (box) this.boxes.set(box, Math.min(this.boxes.get(box) ?? Infinity, control.maxText));
  }

  /** One block's worth of nodes (a paragraph, a list, a loose run) that is mostly links away from the article. */
  isLinkBlock(nodes: Element | Node[]): boolean {
    const parts = Array.isArray(nodes) ? nodes : [nodes];
    let away = 0;
    for (const node of parts) away += this.awayText.get(node as Element) ?? 0;
    return away > 0 && away >= AWAY_SHARE * textOf(nodes).length;
  }

  /** A box around a form, app link or widget that says little more than the control's pitch. */
  isControlBox(el: Element): boolean {
    const limit = this.boxes.get(el);
    return limit !== undefined && textOf(el).length <= limit;
  }

  /**
   * The box a control sits in: its nearest ancestor that holds text beside it (the
   * newsletter's title and pitch, a video's label). A paragraph is no box unless the control
   * makes a line of its own (a link in a sentence is the sentence's), and neither is the
   * body: a control loose among the paragraphs has no box.
   */
  private boxAround(control: Element, inSentence: boolean): Element | null {
    for (let path = control, box = control.parentElement; box && box !== this.body; path = box, box = box.parentElement) {
      if (tagOf(box) === "p" && !inSentence) continue;
      for (let child = box.firstChild; child; child = child.nextSibling) {
        if (child !== path && textOf([child]).length) return box;
      }
    }
    return null;
  }

  private add(link: Element, length: number): void {
    for (let p: Element | null = link; p && p !== this.body; p = p.parentElement) {
      this.awayText.set(p, (this.awayText.get(p) ?? 0) + length);
    }
  }

  private leadsAway(href: string): boolean {
    const raw = href.trim();
    if (AWAY_LINKS.some((pattern) => pattern.test(raw))) return true;
    if (raw.startsWith("#")) return false;
    const safe = safeUrl(raw, this.page?.href ?? null);
    if (!safe) return false;
    const url = new URL(safe);
    if (isProfileUrl(url)) return true;
    if (!this.page) return false;
    const samePage = url.host === this.page.host && url.pathname === this.page.pathname;
    return !samePage && publisherOf(url.hostname) === publisherOf(this.page.hostname);
  }
}
