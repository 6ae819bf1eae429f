/**
 * Finds the known phrases (placeholder, photo marker, playlist intro) in the visible text
 * of a subtree, by text alone, so a phrase split over several nodes or elements, with odd
 * spacing, nbsp or curly quotes, is still found. Each occurrence is reported once, with the
 * innermost element that holds all of it.
 *
 * Speed: this runs on every page load, in a content script whose code is still cold, so the
 * per-node work is kept native where possible. A NodeIterator hands over the text nodes alone
 * (no JS visit of the elements between them; in jsdom it is a quarter quicker than a
 * TreeWalker); text inside invisible elements is set aside up front from a
 * few getElementsByTagName calls, so no text node needs its ancestors checked. Only the
 * stretches of raw text around an anchor word (the phrase's longest plain word, found with a
 * case-insensitive search) are looked at. Where the page has the phrase exactly as the table
 * spells it, as it nearly always does, that is the occurrence; only a stretch with some other
 * anchor in it is turned into loose keys and searched.
 */
import { INVISIBLE_TAGS, PHRASES, STANDALONE_PHRASES, type PhraseKind } from "./site-rules";
import { matchKey, nextNode } from "./text";

export type PhraseHits = Record<PhraseKind, Element[]>;

/** One wording of a phrase. */
interface Variant {
  text: string;
  key: string;
  /** Offset of the group's anchor word in `text`. */
  anchorAt: number;
  /** Offsets of the first and last characters of `text` that count in its key: they name the nodes an occurrence spans. */
  firstKeyChar: number;
  lastKeyChar: number;
}

/** The wordings of one kind of phrase, found through one anchor word they all contain. */
interface PhraseGroup {
  kind: PhraseKind;
  variants: Variant[];
  /** Case-insensitive, global: lower-casing the raw text instead would cost a copy and can shift offsets ("İ" becomes two characters). */
  anchor: RegExp;
  /**
   * Raw text an occurrence may span before and after the start of its anchor: twice the
   * longest wording's own text on that side, plus slack for indentation between elements.
   */
  before: number;
  after: number;
  /** For a standalone phrase, the keys its text node may hold besides it ("" and the leading words); else null. */
  alone: string[] | null;
  /**
   * Other words every wording has: a window without them all holds no copy, so it needs no
   * loose search. An anchor like "verder" is common in prose; this keeps detection cheap there.
   */
  companions: RegExp[];
}

const SLACK = 100;
const COMPANIONS = 2;

const words = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];

function group(kind: PhraseKind, texts: readonly string[]): PhraseGroup {
  // The longest plain word that every wording has: the rarest hook for one search.
  const shared = words(texts[0]!).filter((w) => texts.every((t) => words(t).includes(w)));
  const [word = "", ...others] = [...new Set(shared)].sort((a, b) => b.length - a.length);
  const variants = texts.map((text): Variant => {
    // By UTF-16 unit, as offsets into the raw text are.
    const counts = text.split("").map((unit) => matchKey(unit) !== "");
    return {
      text,
      key: matchKey(text),
      anchorAt: text.toLowerCase().indexOf(word),
      firstKeyChar: counts.indexOf(true),
      lastKeyChar: counts.lastIndexOf(true),
    };
  });
  const lead = STANDALONE_PHRASES[kind];
  return {
    kind,
    variants,
    anchor: new RegExp(word, "gi"),
    before: Math.max(...variants.map((v) => v.anchorAt)) * 2 + SLACK,
    after: Math.max(...variants.map((v) => v.text.length - v.anchorAt)) * 2 + SLACK,
    alone: lead ? ["", ...lead.map(matchKey)] : null,
    companions: others.slice(0, COMPANIONS).map((w) => new RegExp(w, "i")),
  };
}

const GROUPS: PhraseGroup[] = (Object.keys(PHRASES) as PhraseKind[]).map((kind) => group(kind, PHRASES[kind]));

export function findPhrases(root: Element): PhraseHits {
  const hits: PhraseHits = { placeholder: [], photoMarker: [], playlist: [] };
  const hidden = hiddenText(root);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const texts = root.ownerDocument.createNodeIterator(root, SHOW_TEXT);
  for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) {
    if (hidden.has(node)) continue;
    const data = node.data;
    nodes.push(node);
    starts.push(length);
    parts.push(data);
    length += data.length;
  }
  const raw = parts.join("");

  for (const group of GROUPS) {
    const found = hits[group.kind];
    for (const { from, to, exact } of windows(raw, group)) {
      if (exact) {
        for (const { start, variant } of exact) {
          const a = nodeAt(starts, start + variant.firstKeyChar);
          const b = nodeAt(starts, start + variant.lastKeyChar);
          const before = parts[a]!.slice(0, start + variant.firstKeyChar - starts[a]!);
          const after = parts[b]!.slice(start + variant.lastKeyChar + 1 - starts[b]!);
          if (standsAlone(group, matchKey(before), matchKey(after))) found.push(commonElement(nodes[a]!, nodes[b]!));
        }
      } else if (group.companions.every((word) => word.test(raw.slice(from, to + 1)))) {
        searchWindow(nodes, parts, nodeAt(starts, from), nodeAt(starts, to), group, found);
      }
    }
  }
  return hits;
}

/** A standalone phrase shares its text nodes with nothing but its leading words and punctuation. */
function standsAlone(group: PhraseGroup, before: string, after: string): boolean {
  return !group.alone || (group.alone.includes(before) && after === "");
}

/** NodeFilter.SHOW_TEXT, spelled out: NodeFilter is a browser global, absent where jsdom runs outside a window. */
const SHOW_TEXT = 4;
/**
 * Text nodes under an invisible element (script, style, noscript …) inside root. Usually a
 * handful of elements with one text node each, though noscript parsed without scripting
 * (jsdom) or built with DOM calls can hold whole subtrees. Found tag by tag with
 * getElementsByTagName: a selector list costs as much as the walk over the text itself.
 */
function hiddenText(root: Element): Set<Node> {
  const hidden = new Set<Node>();
  for (const tag of INVISIBLE_TAGS) {
    const elements = root.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i]!;
      // Usually a script or style with one text child; a noscript copy holds a few elements.
      // A plain descent: jsdom registers every NodeIterator with the document, which costs more here.
      for (let node: Node | null = el.firstChild; node; node = nextNode(node, el, true)) if (node.nodeType === 3) hidden.add(node);
    }
  }
  return hidden;
}

interface Exact {
  start: number;
  variant: Variant;
}

interface Window {
  from: number;
  to: number;
  /** Where every anchor in the window starts an exact copy of a wording: those copies. */
  exact: Exact[] | null;
}

/** Merged raw-text ranges around each anchor occurrence. */
function windows(raw: string, group: PhraseGroup): Window[] {
  const ranges: Window[] = [];
  const anchor = group.anchor;
  anchor.lastIndex = 0;
  for (let found = anchor.exec(raw); found; found = anchor.exec(raw)) {
    const at = found.index;
    anchor.lastIndex = at + 1;
    const variant = group.variants.find((v) => at >= v.anchorAt && raw.startsWith(v.text, at - v.anchorAt));
    const exact = variant ? { start: at - variant.anchorAt, variant } : null;
    const from = Math.max(0, at - group.before);
    const to = Math.min(raw.length - 1, at + group.after);
    const prev = ranges[ranges.length - 1];
    if (prev && from <= prev.to) {
      prev.to = to;
      // One loose anchor sends the whole window to the loose search, which finds the exact copies in it too.
      prev.exact = prev.exact && exact ? [...prev.exact, exact] : null;
    } else {
      ranges.push({ from, to, exact: exact ? [exact] : null });
    }
  }
  return ranges;
}

/** `parts` holds each node's data, read once during the walk: a DOM getter per read is not free. */
function searchWindow(nodes: Text[], parts: string[], first: number, last: number, group: PhraseGroup, found: Element[]): void {
  const owner: number[] = [];
  const offsets: number[] = [];
  let stream = "";
  for (let i = first; i <= last; i++) {
    const key = matchKey(parts[i]!);
    if (!key) continue;
    owner.push(i);
    offsets.push(stream.length);
    stream += key;
  }
  const nodeKeyEnd = (k: number) => offsets[k + 1] ?? stream.length;
  for (const { key } of group.variants) {
    for (let at = stream.indexOf(key); at >= 0; at = stream.indexOf(key, at + key.length)) {
      const a = nodeAt(offsets, at);
      const end = at + key.length - 1;
      const b = nodeAt(offsets, end);
      if (!standsAlone(group, stream.slice(offsets[a]!, at), stream.slice(end + 1, nodeKeyEnd(b)))) continue;
      found.push(commonElement(nodes[owner[a]!]!, nodes[owner[b]!]!));
    }
  }
}

/** Index of the last start <= pos (binary search over ascending starts). */
function nodeAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function commonElement(a: Node, b: Node): Element {
  // Most occurrences sit in one text node.
  if (a === b) return a.parentNode as Element;
  const ancestors = new Set<Node>();
  for (let n: Node | null = a.parentNode; n; n = n.parentNode) ancestors.add(n);
  let n: Node | null = b.parentNode;
  while (n && !ancestors.has(n)) n = n.parentNode;
  return (n ?? a.parentNode) as Element;
}
