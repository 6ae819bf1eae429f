/**
 * Where the article is on a page no template family fits (or whose family finds no text
 * there): the consent placeholders and photo markers that made the page worth a reading view
 * sit inside the article body, so the body is the smallest part of the page holding all of
 * them, and the article is the nearest part around it with a headline. A page with neither is
 * anchored on its text density: the element whose own paragraphs hold the most text. Class
 * names and ids play no part, so a layout never seen before still reads.
 */
import { findPhrases } from "./phrases";
import { textOf } from "./text";

/** Below this share of the article's text, the part around the anchors is a box in the body, not the body: grow it. */
const BODY_SHARE = 0.5;

function commonAncestor(elements: Element[]): Element | null {
  let common: Element | null = elements[0] ?? null;
  for (const el of elements.slice(1)) {
    while (common && !common.contains(el)) common = common.parentElement;
  }
  return common;
}

/**
 * Where the prose of a page is: each paragraph scores for its sentences (commas, and its length up
 * to a point), fully for its parent and half for its grandparent, as in Readability, since templates
 * wrap each paragraph in a box of its own. One long paragraph (a cookie notice) scores less than
 * a run of real ones.
 */
function densest(top: Element): Element | null {
  const score = new Map<Element, number>();
  const add = (el: Element | null, points: number) => {
    if (el && el !== top) score.set(el, (score.get(el) ?? 0) + points);
  };
  const scoreParagraph = (el: Element, text: string) => {
    if (text.length < 25) return;
    const points = 1 + text.split(",").length + Math.min(Math.floor(text.length / 100), 3);
    add(el.parentElement, points);
    add(el.parentElement?.parentElement ?? null, points / 2);
  };
  const paragraphs = top.getElementsByTagName("p");
  for (let i = 0; i < paragraphs.length; i++) scoreParagraph(paragraphs[i]!, paragraphs[i]!.textContent ?? "");
  // Paragraphs as plain divs (the July 2026 pages have no p): a div's own text, not its boxes'.
  const divs = top.getElementsByTagName("div");
  for (let i = 0; i < divs.length; i++) scoreParagraph(divs[i]!, ownText(divs[i]!));
  let best: Element | null = null;
  for (const [el, length] of score) if (!best || length > score.get(best)!) best = el;
  return best;
}

function ownText(el: Element): string {
  let text = "";
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) text += (node as Text).data;
  return text.trim();
}

export interface Anchored {
  /** The article: headline, header and body. */
  root: Element;
  /** The part of it that holds the article text. */
  body: Element;
}

export function anchoredArticle(doc: Document): Anchored | null {
  const top = doc.body;
  if (!top) return null;
  const hits = findPhrases(top);
  const anchors = [...hits.placeholder, ...hits.photoMarker];
  let body = anchors.length ? commonAncestor(anchors) : densest(top);
  if (!body || body === top) return null;
  // The page's headlines from its own index: asking each ancestor for one walked it again.
  const h1s = top.getElementsByTagName("h1");
  const holdsH1 = (el: Element) => {
    for (let i = 0; i < h1s.length; i++) if (h1s[i] !== el && el.contains(h1s[i]!)) return true;
    return false;
  };
  let root: Element = body;
  while (root.parentElement && root.parentElement !== top && !holdsH1(root)) root = root.parentElement;
  if (!holdsH1(root)) return null;
  // A lone placeholder or marker sits in a small box of its own: the body is what holds most of the article's text.
  const total = textOf(root).length;
  while (body !== root && body.parentElement && textOf(body).length < BODY_SHARE * total) body = body.parentElement;
  return { root, body };
}
