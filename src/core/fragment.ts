/**
 * Parts the page added to an article's body after it was read (a liveblog's new moment), read
 * alone: each run of sibling elements is copied into a holder of its own and read as the body
 * is (readBody, with the family's rules: junk out, images only from DPG's hosts, blocked posts
 * as notes, moment times), so a live page costs the few elements it added, not the whole page.
 * Only parts whose reading cannot depend on what is around them are read: whole blocks (or
 * containers of blocks) inside plain containers of the body, nothing that ends the body.
 */
import type { Article, Block } from "./article";
import { readBody } from "./blocks";
import { familyBody } from "./extract";
import { isHidden } from "./paywall";
import { compileSelector, findDescendant, tagOf, withFacts } from "./selectors";
import { BLOCK_TAGS, BODY_END, JUNK_SELECTORS, PAYWALL_BOX } from "./site-rules";
import { isSkippedElement } from "./text";

export interface PartReading {
  blocks: Block[];
  paywall: boolean;
  /** Datetimes of the moments among the parts (blocks.ts). */
  moments: string[];
}

const isBlock = (el: Element) => BLOCK_TAGS.has(tagOf(el));
const isBodyEnd = compileSelector(BODY_END);
/** Blocks whose reading is the whole element's (a list, a quote, a figure …): a part inside one changes that block. */
const LEAF_BLOCK = /^(p|h\d|figure|figcaption|[uod]l|li|blockquote|table|pre|details|form)$/;

const enum Place {
  Elsewhere,
  Plain,
  /** In a part the body's reading leaves out: the header, junk. */
  LeftOut,
}

/** Where `node` sits in the body: in a part its reading leaves out, in plain containers, or elsewhere. */
function placeOf(node: Node, body: Element, drop: (el: Element) => boolean): Place {
  if (!body.contains(node) || node === body) return Place.Elsewhere;
  let plain = true;
  for (let el = node.parentElement; el && el !== body; el = el.parentElement) {
    if (drop(el)) return Place.LeftOut;
    plain &&= !LEAF_BLOCK.test(tagOf(el)) && !isSkippedElement(el);
  }
  return plain ? Place.Plain : Place.Elsewhere;
}

export interface PartsReading {
  parts: (PartReading | null)[];
  /** The header's fields read again, when the page changed something outside the body. */
  header?: Partial<Article>;
}

/**
 * Each run (sibling elements, in page order) read as the article's body reading reads it, or null
 * for a run whose reading could depend on more than itself. `changed`: where the page changed
 * anything else; outside the body (the header's "last update", an ad) the header is read again.
 * Null for all when a change is inside the body or around it, or on a page no family reads
 * (best effort), where what is added can change which part of the page is the article.
 */
export function readParts(doc: Document, url: string, runs: readonly (readonly Element[])[], changed: readonly Node[]): PartsReading | null {
  return withFacts(() => readPartsOf(doc, url, runs, changed));
}

function readPartsOf(doc: Document, url: string, runs: readonly (readonly Element[])[], changed: readonly Node[]): PartsReading | null {
  const family = familyBody(doc, url);
  if (!family) return null;
  const { body } = family;
  const junk = compileSelector(`${JUNK_SELECTORS},${PAYWALL_BOX},${family.skip}`);
  const drop = (el: Element) => junk(el) || isHidden(el);
  // A change the body's reading leaves out (the header's "last update", an ad) needs the header read again at most.
  if (changed.some((node) => node.contains(body) || (body.contains(node) && placeOf(node, body, drop) !== Place.LeftOut))) return null;
  const parts = runs.map((run) => {
    const place = run[0] ? placeOf(run[0], body, drop) : Place.Elsewhere;
    // Loose inline parts would join the text beside them into one paragraph.
    if (!place || !run.every((el) => el.parentElement === run[0]!.parentElement && (isBlock(el) || findDescendant(el, isBlock)))) return null;
    if (place === Place.LeftOut) return { blocks: [], paywall: false, moments: [] };
    const holder = doc.createElement("div");
    holder.append(...run.map((el) => el.cloneNode(true)));
    return findDescendant(holder, isBodyEnd) ? null : readBody(holder, family.base, family.skip);
  });
  return changed.length ? { parts, header: family.header() } : { parts };
}
