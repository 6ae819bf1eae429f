/**
 * The article's header fields. The visible header wins (it is what the reader saw);
 * JSON-LD NewsArticle and meta tags fill gaps.
 */
import { siteFor } from "./sites";
import { headArticle, readHead, type Head, type JsonObject } from "./page-head";
import { BYLINE_PREFIXES, NAME_JOINERS, type FamilyRule } from "./site-rules";
import { attrOf, closestTag, compileSelector, findAllDescendants, findDescendant, tagOf } from "./selectors";
import { normalizeText, stripLabel, textOf } from "./text";
import { datetimeValue, displayDateToIso } from "./dates";
import { furnitureAt, holdsByline, isFurnitureLine } from "./furniture";
import { safeUrl, sameDpgSite } from "./urls";

export interface Metadata {
  title: string;
  intro: string | null;
  /** Where the intro came from, so the body does not give it a second time. */
  introElement: Element | null;
  /** A header known by what it holds rather than by its tag: the body leaves it to the header fields. */
  headerElement: Element | null;
  byline: string | null;
  published: string | null;
  site: string;
  lang: string;
}

/** The header's fields as the article has them, without the elements they came from. */
export function articleFields({ introElement: _, headerElement: _header, ...fields }: Metadata) {
  return fields;
}

/**
 * The page's own idea of its URL: canonical link, else og:url, else the given one. The page's
 * claim counts only on the DPG title it is served from (or, with no address to go by, on a DPG
 * title at all): it becomes the reader's "original article" link and the copied source line.
 */
export function pageUrl(doc: Document, given?: string, head: Head = readHead(doc)): string | null {
  const base = given ?? (doc.URL && doc.URL !== "about:blank" ? doc.URL : null);
  const claim = (raw: string | null | undefined) => {
    const url = safeUrl(raw, base);
    return url && sameDpgSite(url, base) ? url : null;
  };
  return claim(head.canonical) ?? claim(head.meta.get("og:url")) ?? safeUrl(given, null);
}

function joinNames(names: string[], lang: string): string | null {
  const [between, last] = NAME_JOINERS[lang] ?? NAME_JOINERS.nl!;
  if (names.length === 0) return null;
  if (names.length === 1) return names[0]!;
  return names.slice(0, -1).join(between) + last + names[names.length - 1];
}

function authorNames(scope: Element | null, rule: FamilyRule, ld: () => JsonObject | null, head: Head): string[] {
  const names: string[] = [];
  const add = (raw: string | null | undefined) => {
    const name = raw ? stripLabel(normalizeText(raw), BYLINE_PREFIXES) : "";
    if (name && !names.includes(name)) names.push(name);
  };
  for (const el of scope ? findAllDescendants(scope, compileSelector(rule.authors)) : []) {
    const label = attrOf(el, "aria-label");
    add(label && /^auteur\s/i.test(label) ? label : textOf(el));
  }
  if (names.length) return names;
  for (const author of ([] as unknown[]).concat(ld()?.author ?? [])) {
    if (typeof author === "string") add(author);
    else if (author && typeof author === "object") add(String((author as JsonObject).name ?? ""));
  }
  if (names.length) return names;
  add(head.meta.get("author"));
  return names;
}

/**
 * The header around the headline: its `<header>`, else (a layout without one) the headline's
 * box when it also holds the byline and is no more than a part of the article.
 */
function headerOf(h1: Element, root: Element): Element | null {
  const header = closestTag(h1, "header");
  if (header) return header;
  const box = h1.parentElement;
  if (!box || box === root || !root.contains(box) || !holdsByline(box)) return null;
  return textOf(box).length < HEADER_SHARE * textOf(root).length ? box : null;
}

/** Above this share of the article's text, the headline's box is the article, not its header. */
const HEADER_SHARE = 0.5;

/** Never an intro: a list, a figure, a control, a box hidden from screen readers. */
const NOT_INTRO = compileSelector('ul,ol,figure,picture,img,nav,aside,form,time,table,[aria-hidden="true"]');

/** A line of links only ("Maak ons je Google-favoriet"): a pointer elsewhere, not an intro. */
function isLinkLine(el: Element, text: string): boolean {
  const links = findAllDescendants(el, (d) => tagOf(d) === "a").map((a) => textOf(a).length);
  return tagOf(el) === "a" || (links.length > 0 && links.reduce((a, b) => a + b, 0) >= text.length * 0.9);
}

/** Shorter than this, a line inside a byline's box is a part of it ("Door", initials), not an intro. */
const INTRO_MIN_IN_BOX = 40;

function isIntro(el: Element, header: Element, min = 0): boolean {
  if (NOT_INTRO(el) || furnitureAt(el, header) || holdsByline(el)) return false;
  const text = textOf(el);
  return text.length > min && !isFurnitureLine(text) && !isLinkLine(el, text);
}

/** A box holding the intro and, after it, the byline: the sentence before the byline starts. */
function introBeforeByline(box: Element, header: Element): Element | null {
  for (let el = box.firstElementChild; el && !holdsByline(el); el = el.nextElementSibling) {
    if (isIntro(el, header, INTRO_MIN_IN_BOX)) return el;
  }
  return null;
}

/**
 * An intro without its own hook: the first text block after the headline in the header, whatever
 * its tag (the byline, the dateline and the header's other furniture passed over), else a
 * paragraph right after the header (the classic and artstyle layouts put it there).
 */
function introAfter(h1: Element, header: Element | null): Element | null {
  if (!header) return null;
  for (let at: Element | null = h1; at && at !== header; at = at.parentElement) {
    for (let el = at.nextElementSibling; el; el = el.nextElementSibling) {
      const intro = holdsByline(el) ? introBeforeByline(el, header) : isIntro(el, header) ? el : null;
      if (intro) return intro;
    }
  }
  const next = tagOf(header) === "header" ? header.nextElementSibling : null;
  return next !== null && tagOf(next) === "p" && textOf(next) ? next : null;
}

export function readMetadata(doc: Document, head: Head, root: Element, rule: FamilyRule, url: string | null): Metadata {
  // JSON-LD is only parsed when the visible header leaves a gap.
  const ld = () => headArticle(doc, head);
  const ldString = (key: string) => {
    const value = ld()?.[key];
    return typeof value === "string" ? normalizeText(value) : "";
  };
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname.replace(/^www\./, "") : null;
  } catch {
    // Not a URL: no site to look up.
  }
  const site = host ? siteFor(host) : null;
  const htmlLang = doc.documentElement?.getAttribute("lang")?.split("-")[0]?.toLowerCase();
  const lang = site?.lang ?? (htmlLang || "nl");

  const find = (selector: string, scope: Element = root) => findDescendant(scope, compileSelector(selector));
  const h1 = find(rule.title);
  const title = (h1 && textOf(h1)) || ldString("headline") || head.meta.get("og:title") || normalizeText(doc.title);

  // Author links and dates further down (teasers, "more from") belong to other articles.
  const headerEl = h1 ? headerOf(h1, root) : null;
  const header = headerEl ?? root;
  const introEl = (rule.intro ? find(rule.intro) : null) ?? (h1 ? introAfter(h1, headerEl) : null);
  const time = find(rule.time, header) ?? find(rule.time);
  // A dateline without a datetime still says when: its display text.
  const shown = time ? null : find("time", header);
  const published =
    datetimeValue(time ? attrOf(time, "datetime") : null) ||
    (shown && displayDateToIso(textOf(shown))) ||
    ldString("datePublished") ||
    head.meta.get("article:published_time");

  return {
    title,
    intro: (introEl && textOf(introEl)) || null,
    introElement: introEl,
    headerElement: headerEl && tagOf(headerEl) !== "header" ? headerEl : null,
    byline: joinNames(authorNames(header, rule, ld, head), lang),
    published: published || null,
    site: site?.name ?? head.meta.get("og:site_name") ?? host ?? "",
    lang,
  };
}
