/**
 * Whether a page is one a template family knows as an article, or one that calls itself an
 * article: the two ways extraction can find one. A page that is neither (a section front with a
 * blocked widget in a teaser) never gets a reading view, so its finds are not worth a badge.
 */
import { declaresArticle, readHead, type Head } from "./page-head";
import { FAMILIES, type FamilyRule } from "./site-rules";

const HAS = /^([\w-]+):has\((.+)\)$/;

/**
 * The first element matching `selector`. "article:has(.x)" is asked as the nearest article around
 * the first .x: the engine's :has walks every article's subtree, which costs on a page without one.
 */
function queryRoot(doc: Document, selector: string): Element | null {
  const has = HAS.exec(selector);
  if (has) return mayMatch(doc, has[2]!) ? (doc.querySelector(has[2]!)?.closest(has[1]!) ?? null) : null;
  return mayMatch(doc, selector) ? doc.querySelector(selector) : null;
}

/**
 * Whether the page has the class, id or tag of the selector's last part at all: the document's
 * own collections answer at once, where a selector that matches nothing walks the whole page.
 */
function mayMatch(doc: Document, selector: string): boolean {
  const last = selector.trim().split(/\s+/).pop() ?? "";
  const cls = /\.([\w-]+)/.exec(last);
  if (cls) return doc.getElementsByClassName(cls[1]!).length > 0;
  const id = /#([\w-]+)/.exec(last);
  if (id) return doc.getElementById(id[1]!) !== null;
  const tag = /^[a-z][\w-]*/i.exec(last);
  return tag ? doc.getElementsByTagName(tag[0]).length > 0 : true;
}

/**
 * The first family whose article root is on the page (a loose one only on an article-typed page
 * with an h1 in it), among `families` (all by default).
 */
export function findRoot(doc: Document, head: Head, families: readonly FamilyRule[] = FAMILIES): { rule: FamilyRule; root: Element } | null {
  for (const rule of families) {
    if (rule.loose && !declaresArticle(doc, head)) continue;
    for (const selector of rule.root) {
      const root = queryRoot(doc, selector);
      if (root && (!rule.loose || root.getElementsByTagName("h1").length > 0)) return { rule, root };
    }
  }
  return null;
}

/** Extraction can only find an article on such a page: the content script's glance asks this before it shows a badge. */
export function mayHoldArticle(doc: Document): boolean {
  const head = readHead(doc);
  return findRoot(doc, head) !== null || declaresArticle(doc, head);
}
