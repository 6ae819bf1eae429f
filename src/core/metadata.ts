/**
 * The article's header fields. The visible header wins (it is what the reader saw);
 * JSON-LD NewsArticle and meta tags fill gaps.
 */
import { siteFor } from "./sites";
import { BYLINE_PREFIXES, NAME_JOINERS, type FamilyRule } from "./site-rules";
import { normalizeText, textOf } from "./text";
import { safeUrl } from "./urls";

export interface Metadata {
  title: string;
  intro: string | null;
  byline: string | null;
  published: string | null;
  site: string;
  url: string | null;
  lang: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /Article$|^Report$/;

/** The first NewsArticle-like object in the page's JSON-LD scripts (nested @graph and arrays included). */
export function jsonLdArticle(doc: Document): JsonObject | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const obj = item as JsonObject;
        const types = ([] as unknown[]).concat(obj["@type"]);
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) return obj;
        if (obj["@graph"]) queue.push(obj["@graph"]);
      }
    }
  }
  return null;
}

function meta(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute("content");
  return value ? normalizeText(value) || null : null;
}

function linkHref(doc: Document, selector: string, base: string | null): string | null {
  return safeUrl(doc.querySelector(selector)?.getAttribute("href"), base);
}

/** The page's own idea of its URL: canonical link, else og:url. */
export function pageUrl(doc: Document, given?: string): string | null {
  const base = given ?? (doc.URL && doc.URL !== "about:blank" ? doc.URL : null);
  return (
    linkHref(doc, 'link[rel="canonical"]', base) ??
    safeUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute("content"), base) ??
    safeUrl(given, null)
  );
}

function stripPrefix(text: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    if (text.toLowerCase().startsWith(prefix.toLowerCase() + " ")) return text.slice(prefix.length + 1).trim();
  }
  return text;
}

function joinNames(names: string[], lang: string): string | null {
  const [between, last] = NAME_JOINERS[lang] ?? NAME_JOINERS.nl!;
  if (names.length === 0) return null;
  if (names.length === 1) return names[0]!;
  return names.slice(0, -1).join(between) + last + names[names.length - 1];
}

function authorNames(root: ParentNode | null, rule: FamilyRule, ld: JsonObject | null, doc: Document): string[] {
  const names: string[] = [];
  const add = (raw: string | null | undefined) => {
    const name = raw ? stripPrefix(normalizeText(raw), BYLINE_PREFIXES) : "";
    if (name && !names.includes(name)) names.push(name);
  };
  for (const el of root?.querySelectorAll(rule.authors) ?? []) {
    const label = el.getAttribute("aria-label");
    add(label && /^auteur\s/i.test(label) ? label : textOf(el));
  }
  if (names.length) return names;
  for (const author of ([] as unknown[]).concat(ld?.author ?? [])) {
    if (typeof author === "string") add(author);
    else if (author && typeof author === "object") add(String((author as JsonObject).name ?? ""));
  }
  if (names.length) return names;
  add(meta(doc, 'meta[name="author"]'));
  return names;
}

export function readMetadata(doc: Document, root: Element | null, rule: FamilyRule, url: string | null): Metadata {
  const ld = jsonLdArticle(doc);
  const host = url ? new URL(url).hostname.replace(/^www\./, "") : null;
  const site = host ? siteFor(host) : null;
  const htmlLang = doc.documentElement?.getAttribute("lang")?.split("-")[0]?.toLowerCase();
  const lang = site?.lang ?? (htmlLang || "nl");

  const h1 = root?.querySelector(rule.title) ?? doc.querySelector("h1");
  const title =
    (h1 && textOf(h1)) ||
    (typeof ld?.headline === "string" ? normalizeText(ld.headline) : "") ||
    meta(doc, 'meta[property="og:title"]') ||
    normalizeText(doc.title);

  // Author links and dates further down (teasers, "more from") belong to other articles.
  const header = h1?.closest("header") ?? root;
  const introEl = rule.intro ? root?.querySelector(rule.intro) : null;
  const time = header?.querySelector(rule.time) ?? root?.querySelector(rule.time);
  const published =
    time?.getAttribute("datetime")?.trim() ||
    (typeof ld?.datePublished === "string" ? ld.datePublished.trim() : "") ||
    meta(doc, 'meta[property="article:published_time"]');

  return {
    title,
    intro: (introEl && textOf(introEl)) || null,
    byline: joinNames(authorNames(header, rule, ld, doc), lang),
    published: published || null,
    site: site?.name ?? meta(doc, 'meta[property="og:site_name"]') ?? host ?? "",
    url,
    lang,
  };
}
