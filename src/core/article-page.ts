/**
 * Whether a page is one a template family knows as an article, or one that calls itself an
 * article: the two ways extraction can find one. A page that is neither (a section front with a
 * blocked widget in a teaser) never gets a reading view, so its finds are not worth a badge.
 */
import { declaresArticle, readHead, type Head } from "./page-head";
import { FAMILIES, type FamilyRule } from "./site-rules";

/** The first family whose article root is on the page (a loose one only on an article-typed page with an h1 in it). */
export function findRoot(doc: Document, head: Head): { rule: FamilyRule; root: Element } | null {
  for (const rule of FAMILIES) {
    if (rule.loose && !declaresArticle(doc, head)) continue;
    for (const selector of rule.root) {
      const root = doc.querySelector(selector);
      if (root && (!rule.loose || root.querySelector("h1"))) return { rule, root };
    }
  }
  return null;
}

/** Extraction can only find an article on such a page: the content script's glance asks this before it shows a badge. */
export function mayHoldArticle(doc: Document): boolean {
  const head = readHead(doc);
  return findRoot(doc, head) !== null || declaresArticle(doc, head);
}
