/**
 * Page → Article. Finds the article root of the page's template family, reads the header
 * fields and walks the body into blocks. Pure over the Document: the page is never changed.
 */
import type { Article, FigureBlock } from "./article";
import { readBlocks } from "./blocks";
import { figureBlock } from "./figures";
import { declaresArticle, pageUrl, readHead, readMetadata, type Head } from "./metadata";
import { readModified } from "./modified";
import { compileSelector, findAllDescendants } from "./selectors";
import { FAMILIES, type FamilyRule } from "./site-rules";

export type ExtractResult = { ok: true; article: Article } | { ok: false; reason: string };

function findRoot(doc: Document, head: Head): { rule: FamilyRule; root: Element } | null {
  for (const rule of FAMILIES) {
    if (rule.loose && !declaresArticle(doc, head)) continue;
    for (const selector of rule.root) {
      const root = doc.querySelector(selector);
      if (root && (!rule.loose || root.querySelector("h1"))) return { rule, root };
    }
  }
  return null;
}

const isFigure = compileSelector("figure");

function leadFigures(root: Element, rule: FamilyRule, base: string | null): FigureBlock[] {
  if (!rule.lead) return [];
  const headers = findAllDescendants(root, compileSelector(rule.lead));
  // A header inside another header would give its figures twice.
  const outer = headers.filter((h) => !headers.some((other) => other !== h && other.contains(h)));
  return outer
    .flatMap((h) => findAllDescendants(h, isFigure))
    .map((f) => figureBlock(f, base))
    .filter((f): f is FigureBlock => f !== null);
}

// TEMPORARY (reading branch): a stand-in until the extraction branch's paywall detection lands.
const PAYWALL_STANDIN = '[data-temptation-position="ARTICLE_PAYWALL"]';

/** The optional fields, present only when they say something: most articles are neither updated nor paywalled. */
const optional = (modified: string | null, paywall: boolean): Pick<Article, "modified" | "paywall"> => ({
  ...(modified && { modified }),
  ...(paywall && { paywall }),
});

export function extract(doc: Document, url?: string): ExtractResult {
  try {
    return extractOrThrow(doc, url);
  } catch (error) {
    // A page is hostile or broken, never the reader's problem: report, don't throw.
    return { ok: false, reason: `page could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

function extractOrThrow(doc: Document, url?: string): ExtractResult {
  const head = readHead(doc);
  const found = findRoot(doc, head);
  if (!found) return { ok: false, reason: "no article body found" };
  const { rule, root } = found;
  const articleUrl = pageUrl(doc, url, head);
  const base = url ?? articleUrl;
  const meta = readMetadata(doc, head, root, rule, base);
  if (!meta.title) return { ok: false, reason: "no article title found" };
  const body = (rule.body && root.querySelector(rule.body)) || root;
  const blocks = [...leadFigures(root, rule, base), ...readBlocks(body, base, rule.skip)];
  if (!blocks.some((b) => b.type === "paragraph")) return { ok: false, reason: "no article text found" };
  return {
    ok: true,
    article: {
      title: meta.title,
      intro: meta.intro,
      byline: meta.byline,
      published: meta.published,
      site: meta.site,
      url: articleUrl,
      lang: meta.lang,
      blocks,
      ...optional(readModified(doc, head, body, meta.published), doc.querySelector(PAYWALL_STANDIN) !== null),
    },
  };
}
