/**
 * Walks the article body in document order and turns it into blocks. Junk is removed by
 * selector (ads, promotions), by text (markers, labels, playlist intro) and by what it is
 * (promotions.ts: blocks of links away, boxes around a form or widget); each consent
 * placeholder becomes an embed at its place, each photo series a figure per slide. The walk
 * uses an explicit stack, so a pathologically deep page cannot overflow the call stack.
 */
import type { Block, EmbedBlock } from "./article";
import { embedBlock, embedCompanions, isBlockedPlayer, isEmbedMarkup, isEmbedQuote } from "./embeds";
import { figureBlock, figureOf } from "./figures";
import { furnitureAt, isFurnitureLine, isPitchLine } from "./furniture";
import { findLoosePhotos, type LoosePhoto } from "./loose-photos";
import { paragraphTexts } from "./paragraphs";
import { pullQuote, quoteBlock } from "./quotes";
import { Paywall } from "./paywall";
import { Promotions } from "./promotions";
import { findPhrases } from "./phrases";
import { PhotoSeries, seriesFigures } from "./photo-series";
import {
  BLOCK_TAGS, BODY_END, JUNK_PREFIXES, JUNK_SELECTORS, JUNK_TEXTS, PHRASES, PLAYLIST_WIDGET,
} from "./site-rules";
import {
  attrOf, childElementsOf, childNodesOf, compileSelector, descendantsOf, findAllDescendants, findDescendant, first, tagOf, type ElementTest,
} from "./selectors";
import { socialLink } from "./urls";
import { isSkippedElement, matchKey, normalizeText, textOf } from "./text";

const JUNK_KEYS = new Set(JUNK_TEXTS.map(matchKey));
const PLAYLIST_KEYS = PHRASES.playlist.map(matchKey);
/**
 * How much of an element's text tells whether it starts with a playlist intro: a few times the
 * longest intro, so odd spacing still fits. Reading no further keeps the climb through the
 * article's ancestors from keying the whole article at every level.
 */
const PLAYLIST_HEAD_LENGTH = 4 * Math.max(...PHRASES.playlist.map((intro) => intro.length));
/** Elements that are article content in their own right; a placeholder's block never swallows them. */
const isContent = compileSelector("p,h1,h2,h3,h4,h5,h6,figure,ul,ol,img,picture,table");
const isPlaylistWidget = compileSelector(PLAYLIST_WIDGET);
const isBodyEnd = compileSelector(BODY_END);
const isLink = compileSelector("a[href]");
/** A teaser's own heading ("Meer over", "Lees ook") is no longer than this. */
const TEASER_LABEL_LENGTH = 60;

/** At most this many short lines before a headline in the body are its labels. */
const HEADLINE_LABELS = 3;

/** A block-less div that reads as a sentence is a paragraph of its own (the July 2026 pages have no `p`), never a label. */
const isSentence = (el: Element, text: string) => BLOCK_TAGS.has(tagOf(el)) && /[.!?…]["”’)]?$/.test(text);

/** Room for a placeholder block's own button and label texts. */
const PLACEHOLDER_EXTRA_TEXT = 80;

/**
 * Junk texts are labels of a few words: text much longer than that is never one, whatever its
 * spacing, and needs no loose key (the costliest step of extraction on long paragraphs).
 */
const JUNK_MAX_LENGTH = 120;
const isJunkKey = (text: string) => text.length < JUNK_MAX_LENGTH && JUNK_KEYS.has(matchKey(text));

function isJunkText(text: string): boolean {
  return isJunkKey(text) || JUNK_PREFIXES.some((prefix) => text.startsWith(prefix)) || isFurnitureLine(text);
}

/** A paragraph that is one bold phrase: set as a heading, and a teaser's title when a teaser follows. */
function isBoldLine(el: Element): boolean {
  const only = el.firstElementChild;
  return !!only && only === el.lastElementChild && (tagOf(only) === "strong" || tagOf(only) === "b") && textOf(only) === textOf(el);
}

/** Short inline parts (an sr-only marker span, an "Advertentie" label) that must not join a paragraph. */
function isInlineJunk(el: Element): boolean {
  return isJunkKey(el.textContent ?? "");
}

type Item =
  | { kind: "children"; nodes: Node[] }
  | { kind: "run"; nodes: Node[] }
  | { kind: "element"; el: Element };

class BodyWalker {
  private readonly blocks: Block[] = [];
  private readonly dropped = new Set<Element>();
  private readonly embeds = new Map<Element, EmbedBlock>();
  private readonly hasBlocks = new Set<Element>();
  private readonly omit = (el: Element) => this.dropped.has(el) || isInlineJunk(el);
  private end: Element | null = null;
  private readonly promotions: Promotions;
  private readonly photoSeries: PhotoSeries;
  /** Photo series: one figure per slide, hidden slides included. */
  private readonly series: Set<Element>;
  /** Photos without a <figure>, by their box. */
  private readonly photos: Map<Element, LoosePhoto>;
  /** Whether the article goes on for subscribers only, and what of it the page withholds. */
  readonly paywall: Paywall;
  /** Placeholders and photo markers in the body. */
  anchors = 0;
  /** Datetimes of the `<time>`s that head a heading: a liveblog's moments. */
  readonly moments: string[] = [];
  /** The element the last block came from while it is a short heading or bold line: a teaser's title if a teaser follows. */
  private label: Element | null = null;

  constructor(
    private readonly body: Element,
    private readonly base: string | null,
    skip: string,
    read: readonly Element[],
  ) {
    this.promotions = new Promotions(body, base);
    this.photoSeries = new PhotoSeries(body);
    this.paywall = new Paywall(body);
    for (const el of read) this.dropped.add(el);
    this.markElements(compileSelector(`${JUNK_SELECTORS},${skip}`));
    this.markPhrases();
    this.series = this.photoSeries.roots();
    for (const control of this.photoSeries.controls) this.dropped.add(control);
    this.photos = findLoosePhotos(body, base, (el) => this.dropped.has(el) || this.embeds.has(el) || this.series.has(el));
    for (const { box, caption } of this.photos.values()) {
      if (caption && caption !== box) this.dropped.add(caption);
      this.holdsBlock(box);
    }
  }

  run(): Block[] {
    const stack: Item[] = [{ kind: "children", nodes: childNodesOf(this.body) }];
    const end = this.end;
    const holdsEnd = new Set<Element>();
    for (let el = end?.parentElement; el && el !== this.body; el = el.parentElement) holdsEnd.add(el);
    while (stack.length) {
      const item = stack.pop()!;
      if (item.kind === "run") {
        if (this.promotions.isLinkBlock(item.nodes)) this.dropTeaserTitle(item.nodes[0]!);
        else this.paragraphs(item.nodes);
      } else if (item.kind === "children") {
        for (const next of this.split(item.nodes).reverse()) stack.push(next);
      } else if (item.el === end) {
        break;
      } else if (holdsEnd.has(item.el)) {
        stack.push({ kind: "children", nodes: childNodesOf(item.el) });
      } else {
        this.element(item.el, stack);
      }
    }
    return this.blocks;
  }

  /** A container's children: block elements one by one, loose inline runs as paragraphs. */
  private split(nodes: Node[]): Item[] {
    const items: Item[] = [];
    let run: Node[] = [];
    for (const node of nodes) {
      if (node.nodeType === 1 && this.isBlock(node as Element)) {
        if (run.length) items.push({ kind: "run", nodes: run });
        run = [];
        items.push({ kind: "element", el: node as Element });
      } else run.push(node);
    }
    if (run.length) items.push({ kind: "run", nodes: run });
    return items;
  }

  private isBlock(el: Element): boolean {
    return BLOCK_TAGS.has(tagOf(el)) || this.hasBlocks.has(el) || this.embeds.has(el) || this.dropped.has(el) || this.photos.has(el);
  }

  private element(el: Element, stack: Item[]): void {
    if (tagOf(el) === "h1") {
      this.dropLabels();
      return;
    }
    if (this.dropped.has(el)) return;
    const embed = this.embeds.get(el) ?? (isBlockedPlayer(el) ? embedBlock(el, [], this.base) : null);
    if (embed) {
      this.push(embed, null);
      return;
    }
    if (isSkippedElement(el)) return;
    const photo = this.photos.get(el);
    if (photo) {
      const figure = figureOf(photo.box, photo.caption, this.base);
      if (figure) this.push(figure, null);
      return;
    }
    const tag = tagOf(el);
    // A container is judged by its blocks one by one: a teaser beside a paragraph takes only itself.
    // A link around blocks (a teaser card: picture and headline) is one block.
    const oneBlock = !this.hasBlocks.has(el) || tag === "ul" || tag === "ol" || tag === "a";
    if (this.promotions.isControlBox(el) || (oneBlock && this.promotions.isLinkBlock(el))) {
      this.dropTeaserTitle(el);
      return;
    }
    if (this.series.has(el)) {
      for (const figure of seriesFigures(el, this.base)) this.push(figure, null);
    } else if (/^h[2-6]$/.test(tag)) {
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
        if (tagOf(child) === "time") this.moments.push(attrOf(child, "datetime") ?? "");
      }
      const text = textOf(el, this.omit);
      if (text && !isJunkText(text)) this.push({ type: "heading", text, level: tag === "h2" ? 2 : 3 }, el);
    } else if (tag === "figure") {
      const figure = pullQuote(el, this.omit) ?? figureBlock(el, this.base);
      if (figure) this.push(figure, null);
    } else if (tag === "ul" || tag === "ol") {
      const items = childElementsOf(el).filter((li) => tagOf(li) === "li").map((li) => textOf(li, this.omit)).filter(Boolean);
      if (items.length) this.push({ type: "list", text: items.join("\n"), items, ordered: tag === "ol" }, null);
    } else if (tag === "blockquote") {
      this.quote(el);
    } else if (this.hasBlocks.has(el)) {
      stack.push({ kind: "children", nodes: childNodesOf(el) });
    } else {
      this.paragraphs(el, isBoldLine(el) ? el : null);
    }
  }

  private paragraphs(nodes: Element | Node[], label: Element | null = null): void {
    for (const text of paragraphTexts(nodes, this.omit)) {
      if (isPitchLine(text)) this.dropTeaserTitle(Array.isArray(nodes) ? nodes[0]! : nodes);
      else if (text && !isJunkText(text)) this.push({ type: "paragraph", text }, label);
    }
  }

  /**
   * The headline inside the body (a layout whose header is no `<header>`): a few short lines
   * before it were its labels and badges ("met video", "Reportage"), not the article's text.
   */
  private dropLabels(): void {
    const isLine = (b: Block) => b.type === "paragraph" || b.type === "heading";
    const lines = this.blocks.filter(isLine);
    if (lines.length > HEADLINE_LABELS || lines.some((b) => b.text.length > TEASER_LABEL_LENGTH)) return;
    const kept = this.blocks.filter((b) => !isLine(b));
    this.blocks.splice(0, this.blocks.length, ...kept);
  }

  /** Adds a block; `el` is its element when it could be a teaser's title (a short heading or bold line). */
  private push(block: Block, el: Element | null): void {
    this.blocks.push(block);
    this.label = el && block.type !== "embed" && block.text.length <= TEASER_LABEL_LENGTH ? el : null;
  }

  /** A promotion right after a short heading or bold line: that line was its title ("Meer over", "À lire aussi"). */
  private dropTeaserTitle(promotion: Node): void {
    const label = this.label;
    if (!label) return;
    let before: Element | null = null;
    for (let cur: Node | null = promotion; cur && cur !== this.body && !before; cur = cur.parentNode) {
      before = (cur as Element).previousElementSibling;
    }
    if (before && (before === label || before.contains(label))) {
      this.blocks.pop();
      this.label = null;
    }
  }

  private quote(el: Element): void {
    if (isEmbedQuote(el)) {
      this.push(embedBlock(el, [], this.base), null);
      return;
    }
    const quote = quoteBlock(el, this.omit);
    if (quote && !isJunkText(quote.text)) this.push(quote, null);
  }

  /** One pass over the body: junk to drop, the body's end, and containers that hold blocks. */
  private markElements(drop: ElementTest): void {
    for (const el of descendantsOf(this.body)) {
      // The paywall is asked of every element: its heading may sit inside a box dropped as junk.
      if (this.paywall.visit(el) || drop(el)) this.dropped.add(el);
      // With its box's hooks gone, the box's heading or offer is where the free part ends.
      const paid = this.paywall.endAt(el);
      if (paid && !this.end && !this.insideDropped(paid)) this.end = paid;
      const furniture = furnitureAt(el, this.body);
      if (furniture) this.dropped.add(furniture);
      this.promotions.visit(el);
      this.photoSeries.visit(el);
      if (!this.end && isBodyEnd(el)) this.end = el;
      if (BLOCK_TAGS.has(tagOf(el))) this.holdsBlock(el);
    }
    for (const el of this.paywall.withheld((el) => this.dropped.has(el))) this.dropped.add(el);
  }

  /** The containers around a block are split into their blocks. */
  private holdsBlock(el: Element): void {
    for (let p = el.parentElement; p && p !== this.body && !this.hasBlocks.has(p); p = p.parentElement) {
      this.hasBlocks.add(p);
    }
  }

  private insideDropped(el: Element): boolean {
    for (let up: Element | null = el; up && up !== this.body; up = up.parentElement) if (this.dropped.has(up)) return true;
    return false;
  }

  private markPhrases(): void {
    const hits = findPhrases(this.body);
    this.anchors = hits.placeholder.length + hits.photoMarker.length;
    // A phrase spanning several top-level parts of the body has no block of its own.
    const inBody = (el: Element) => el !== this.body && this.body.contains(el);
    for (const inner of hits.placeholder.filter(inBody)) {
      const scope = this.placeholderScope(inner);
      if (this.embeds.has(scope)) continue;
      const companions = embedCompanions(scope);
      for (const c of companions) this.dropped.add(c);
      this.embeds.set(scope, embedBlock(scope, companions, this.base));
    }
    for (const inner of hits.playlist.filter(inBody)) {
      const scope = this.playlistScope(inner);
      this.dropped.add(scope);
      const widget = scope.nextElementSibling;
      if (widget && (isPlaylistWidget(widget) || findDescendant(widget, isPlaylistWidget) || !textOf(widget))) {
        this.dropped.add(widget);
      }
    }
    for (const inner of hits.photoMarker) {
      if (isJunkText(textOf(inner))) this.dropped.add(inner);
    }
  }

  /** Grows from the element holding the phrase to the block around it, stopping before real content. */
  private placeholderScope(inner: Element): Element {
    let scope = inner;
    const end = this.end;
    while (scope.parentElement && scope.parentElement !== this.body && !(end && scope.parentElement.contains(end)) && this.onlyEmbedBeside(scope)) {
      scope = scope.parentElement;
    }
    return scope;
  }

  /** The scope's siblings hold nothing but labels, buttons and the embed's own markup. */
  private onlyEmbedBeside(scope: Element): boolean {
    let extra = 0;
    for (let child = scope.parentElement!.firstChild; child; child = child.nextSibling) {
      if (child === scope) continue;
      if (child.nodeType === 3) {
        extra += normalizeText((child as Text).data).length;
        if (extra > PLACEHOLDER_EXTRA_TEXT) return false;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const text = textOf(el);
      if (extra + text.length > PLACEHOLDER_EXTRA_TEXT) {
        if (isEmbedMarkup(el)) continue;
        return false;
      }
      if (this.belongsToEmbed(el)) continue;
      extra += text.length;
      if ((isContent(el) || findDescendant(el, isContent) || isSentence(el, text)) && !isJunkText(text)) return false;
    }
    return true;
  }

  /** Beside a placeholder: the embed's own markup, or a short "Bekijk dit bericht op Facebook" credit line. */
  private belongsToEmbed(el: Element): boolean {
    if (isEmbedMarkup(el)) return true;
    const links = tagOf(el) === "a" ? [el] : findAllDescendants(el, isLink);
    return links.some((a) => socialLink(attrOf(a, "href") ?? "", this.base)) && textOf(el).length <= PLACEHOLDER_EXTRA_TEXT;
  }

  /** The playlist block: the largest element that starts with the intro (intro plus widget). */
  private playlistScope(inner: Element): Element {
    let scope = inner;
    while (scope.parentElement && scope.parentElement !== this.body) {
      const key = matchKey(textOf(scope.parentElement, undefined, PLAYLIST_HEAD_LENGTH));
      if (!PLAYLIST_KEYS.some((k) => key.startsWith(k))) break;
      scope = scope.parentElement;
    }
    return scope;
  }
}

export interface BodyReading {
  blocks: Block[];
  /** The body shows that the article goes on for subscribers only. */
  paywall: boolean;
  /** Placeholders and photo markers in the body: none while the page has some means the body is elsewhere. */
  anchors: number;
  /** Datetimes of the `<time>`s in the body's headings: a liveblog's moments. */
  moments: string[];
}

/** The body's blocks; `read` are elements already read as header fields (an intro outside the header). */
export function readBody(body: Element, base: string | null, skip: string, read: readonly Element[] = []): BodyReading {
  const walker = new BodyWalker(body, base, skip, read);
  return { blocks: walker.run(), paywall: walker.paywall.found, anchors: walker.anchors, moments: walker.moments };
}
