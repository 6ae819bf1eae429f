/**
 * What a page says about itself, read without looking at its body: the head's meta tags and
 * canonical link, and its JSON-LD article. Cheap enough for the content script's first glance.
 */
import { attrOf, nextElement, tagOf } from "./selectors";
import { normalizeText } from "./text";

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /Article$|^Report$/;

/** Objects one page's JSON-LD may hold at most: a bound for a hostile page's nesting. */
const OBJECTS_PER_SCRIPT = 200;

/**
 * Every object in the page's JSON-LD scripts, script by script: top-level items, `@graph` members
 * and `hasPart` parts; with `mention`, only of the scripts whose text holds it (a cheap look before parsing).
 */
export function* jsonLdObjects(doc: Document, mention?: string): Generator<JsonObject> {
  // Indexed access: jsdom's selector engine and collection iterators are slow on big pages.
  const scripts = doc.getElementsByTagName("script");
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts.item(i)!;
    if (attrOf(script, "type")?.trim().toLowerCase() !== "application/ld+json") continue;
    const json = script.textContent ?? "";
    if (mention && !json.includes(mention)) continue;
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < OBJECTS_PER_SCRIPT; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const obj = item as JsonObject;
        yield obj;
        if (obj["@graph"]) queue.push(obj["@graph"]);
        if (obj.hasPart) queue.push(obj.hasPart);
      }
    }
  }
}

/** The first NewsArticle-like object in the page's JSON-LD scripts (nested @graph and arrays included). */
export function jsonLdArticle(doc: Document): JsonObject | null {
  for (const obj of jsonLdObjects(doc)) {
    const types = ([] as unknown[]).concat(obj["@type"]);
    if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) return obj;
  }
  return null;
}

/** meta[property|name] contents and link[rel=canonical] of the head, read in one pass. */
export interface Head {
  meta: Map<string, string>;
  canonical: string | null;
  /** The JSON-LD article, once looked for: one parse per reading of the page. */
  article?: JsonObject | null;
}

export function readHead(doc: Document): Head {
  const head: Head = { meta: new Map(), canonical: null };
  const root = doc.head;
  for (let el = root?.firstElementChild ?? null; el && root; el = nextElement(el, root)) {
    if (tagOf(el) === "meta") {
      const key = attrOf(el, "property") ?? attrOf(el, "name");
      const content = normalizeText(attrOf(el, "content") ?? "");
      if (key && content && !head.meta.has(key)) head.meta.set(key, content);
    } else if (tagOf(el) === "link" && head.canonical === null && attrOf(el, "rel")?.toLowerCase() === "canonical") {
      head.canonical = attrOf(el, "href");
    }
  }
  return head;
}

/** The page calls itself an article (og:type or JSON-LD), as opposed to a section or home page. */
export function declaresArticle(doc: Document, head: Head): boolean {
  return head.meta.get("og:type") === "article" || headArticle(doc, head) !== null;
}

/** The page's JSON-LD article, parsed at most once per head read. */
export function headArticle(doc: Document, head: Head): JsonObject | null {
  if (head.article === undefined) head.article = jsonLdArticle(doc);
  return head.article;
}

