/**
 * Page → Article. Finds the article root of the page's template family, reads the header
 * fields and walks the body into blocks. Pure over the Document: the page is never changed.
 */
import type { Article, FigureBlock } from "./article";
import { anchoredArticle } from "./anchored";
import { findPhrases } from "./phrases";
import { readBody } from "./blocks";
import { figureBlock, figureOf } from "./figures";
import { findLoosePhotos } from "./loose-photos";
import { isAvatarImage } from "./furniture";
import { findRoot } from "./article-page";
import { articleFields, pageUrl, readMetadata } from "./metadata";
import { declaresArticle, readHead, type Head } from "./page-head";
import { readModified } from "./modified";
import { compileSelector, findAllDescendants, findDescendant, tagOf, withFacts } from "./selectors";
import { siteFor } from "./sites";
import { FAMILIES, type FamilyRule } from "./site-rules";

/**
 * `bestEffort`: the page fits no known layout, and the article was read from where its
 * placeholders and markers sit (or from a generic article element): the view may miss or keep a part.
 */
export type ExtractResult = { ok: true; article: Article; bestEffort: boolean } | { ok: false; reason: string };

const isFigure = compileSelector("figure");
const isImg = compileSelector("img");
const isH1 = compileSelector("h1");

function leadFigures(root: Element, rule: FamilyRule, base: string | null, header: Element | null): FigureBlock[] {
  const headers = rule.lead ? findAllDescendants(root, compileSelector(rule.lead)) : [];
  if (header) headers.push(header);
  // A header inside another header would give its figures twice.
  const outer = headers.filter((h) => !headers.some((other) => other !== h && other.contains(h)));
  return outer.flatMap((h) => {
    const figures = findAllDescendants(h, isFigure).filter((f) => !findAllDescendants(f, isImg).some(isAvatarImage));
    // A lead photo without a <figure>, its caption on the line under it.
    const found: [Element, FigureBlock | null][] = [
      ...figures.map((f): [Element, FigureBlock | null] => [f, figureBlock(f, base)]),
      ...[...findLoosePhotos(h, base, () => false).values()].map(({ box, caption }): [Element, FigureBlock | null] => [box, figureOf(box, caption, base)]),
    ];
    const FOLLOWING = 4;
    found.sort(([a], [b]) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
    return found.flatMap(([, figure]) => (figure ? [figure] : []));
  });
}

/**
 * DPG's legacy templates (classic AD/HLN, artstyle) put the story in an <article> around its h1:
 * on a DPG title that shape is a layout known, also once its class names are gone.
 */
function isDpgArticleShape(root: Element, base: string | null): boolean {
  let host = "";
  try {
    host = new URL(base ?? "").hostname;
  } catch {
    return false;
  }
  return tagOf(root) === "article" && !!findDescendant(root, isH1) && siteFor(host) !== null;
}

export function extract(doc: Document, url?: string): ExtractResult {
  try {
    return withFacts(() => extractOrThrow(doc, url));
  } catch (error) {
    // A page is hostile or broken, never the reader's problem: report, don't throw.
    // Short: the reason travels in the tab's status, whose shape check bounds its length.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    return { ok: false, reason: `page could not be read (${message})` };
  }
}

const GENERIC = FAMILIES.find((rule) => rule.family === "generic")!;
const KNOWN = FAMILIES.filter((rule) => rule !== GENERIC);

interface Reading {
  rule: FamilyRule;
  root: Element;
  /** The element holding the body blocks. */
  body: Element;
}

const bodyOf = ({ rule, root }: { rule: FamilyRule; root: Element }): Element => (rule.body && root.querySelector(rule.body)) || root;

/**
 * Where and how a family's reading takes the body's blocks, so that parts the page adds later
 * can be read alone (fragment.ts); null where no family fits (a best-effort reading).
 */
export function familyBody(doc: Document, url?: string) {
  const head = readHead(doc);
  const found = findRoot(doc, head);
  if (!found || found.rule === GENERIC) return null;
  const base = url ?? pageUrl(doc, url, head);
  /** The header's fields as the article has them (title, intro, byline, dates …). */
  const header = () => articleFields(readMetadata(doc, head, found.root, found.rule, base));
  return { body: bodyOf(found), skip: found.rule.skip, base, header };
}

/**
 * The family's reading of the page when one fits; after it, or instead of a generic one, a
 * reading anchored on the placeholders, for an article page whose layout no family knows.
 */
function* readings(doc: Document, head: Head): Generator<Reading> {
  const known = findRoot(doc, head, KNOWN);
  if (known) yield { ...known, body: bodyOf(known) };
  const anchored = declaresArticle(doc, head) ? anchoredArticle(doc) : null;
  if (anchored) yield { rule: GENERIC, ...anchored };
  // Looked for only now: the generic roots ("article", "main") cost a walk of the page to find.
  const generic = known ? null : findRoot(doc, head, [GENERIC]);
  if (generic) yield { ...generic, body: bodyOf(generic) };
}

/** Fewer paragraphs than this is a scrap, not an article body, when the page's anchors lie elsewhere. */
const FEW_PARAGRAPHS = 3;

function pageHasAnchors(doc: Document): boolean {
  const hits = doc.body ? findPhrases(doc.body) : null;
  return !!hits && hits.placeholder.length + hits.photoMarker.length > 0;
}

function extractOrThrow(doc: Document, url?: string): ExtractResult {
  const head = readHead(doc);
  const articleUrl = pageUrl(doc, url, head);
  const base = url ?? articleUrl;
  let reason = "no article body found";
  for (const { rule, root, body } of readings(doc, head)) {
    reason = "no article text found";
    const meta = readMetadata(doc, head, root, rule, base);
    if (!meta.title) {
      reason = "no article title found";
      continue;
    }
    const read = [meta.introElement, meta.headerElement].filter((el): el is Element => el !== null);
    const reading = readBody(body, base, rule.skip, read);
    const blocks = [...leadFigures(root, rule, base, meta.headerElement), ...reading.blocks];
    const paragraphs = blocks.filter((b) => b.type === "paragraph").length;
    if (!paragraphs) continue;
    // The placeholders and markers sit in the article body: a scrap of text without any, on a
    // page with some, is not the body (the family's selectors found too little there).
    if (paragraphs < FEW_PARAGRAPHS && reading.anchors === 0 && rule !== GENERIC && pageHasAnchors(doc)) continue;
    const fields = articleFields(meta);
    const modified = readModified(doc, head, reading.moments, meta.published);
    return {
      ok: true,
      bestEffort: rule === GENERIC && !isDpgArticleShape(root, base),
      // The update time only where it says something: most articles are never updated.
      article: { ...fields, url: articleUrl, paywall: reading.paywall, blocks, ...(modified && { modified }) },
    };
  }
  return { ok: false, reason };
}
