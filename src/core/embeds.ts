/**
 * A blocked embed as a note in the article's flow. The placeholder itself says nothing about
 * what it replaced, so the original post is looked for in its surroundings: links, data-*
 * attributes, a tweet/Instagram blockquote, a <noscript> copy, the embed's own JSON-LD. Only https social-post URLs
 * come out; the kind falls back to attribute hints, else "unknown".
 */
import type { EmbedBlock, EmbedKind } from "./article";
import { PLATFORMS } from "./players";
import { EMBED_HINTS, EMBED_ID_ATTRIBUTES, EMBED_MARKUP, EMBED_URL_ATTRIBUTES } from "./site-rules";
import { attrOf, compileSelector, findDescendant, first, nextElement, noscriptElements, tagOf } from "./selectors";
import { textOf } from "./text";
import { socialLink, type SocialLink } from "./urls";

const LINKISH = /^(?:https?:)?\/\//i;
/** A social embed's own markup (tweet or Instagram blockquote), left unloaded. */
export const isEmbedQuote = compileSelector(EMBED_MARKUP);

function linksOf(el: Element, base: string | null): SocialLink[] {
  const links: SocialLink[] = [];
  const add = (raw: string | null) => {
    const link = raw ? socialLink(raw, base) : null;
    if (link) links.push(link);
  };
  for (const name of el.getAttributeNames()) {
    const value = attrOf(el, name) ?? "";
    if (EMBED_URL_ATTRIBUTES.includes(name) || (name.startsWith("data-") && LINKISH.test(value.trim()))) {
      add(value);
    }
  }
  for (const [name, toUrl] of EMBED_ID_ATTRIBUTES) {
    const id = attrOf(el, name)?.trim();
    if (id && /^[A-Za-z0-9_-]{1,64}$/.test(id)) add(toUrl(id));
  }
  if (tagOf(el) === "script" && attrOf(el, "type")?.trim().toLowerCase() === "application/ld+json") {
    for (const value of jsonStrings(el.textContent ?? "")) add(value);
  }
  return links;
}

/** String values of an embed's own JSON-LD (SocialMediaPosting, VideoObject: url, embedUrl, sharedContent…). */
function jsonStrings(json: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const strings: string[] = [];
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < 500; i++) {
    const item = queue[i];
    if (typeof item === "string") strings.push(item);
    else if (item && typeof item === "object") queue.push(...Object.values(item));
  }
  return strings;
}

/** Attributes whose values may name the platform: hooks, a title, a player's address that names no page. */
const HINT_ATTRIBUTES = ["class", "id", "title", "src", "old-src"];

function hintOf(el: Element): EmbedKind | null {
  let values = "";
  for (const name of el.getAttributeNames()) {
    if (HINT_ATTRIBUTES.includes(name) || name.startsWith("data-")) values += " " + (attrOf(el, name) ?? "").toLowerCase();
  }
  return EMBED_HINTS.find(([word]) => values.includes(word))?.[1] ?? null;
}

function hintIn(elements: Element[]): EmbedKind | null {
  for (const el of elements) {
    const hint = hintOf(el);
    if (hint) return hint;
  }
  return null;
}

/**
 * A platform the text beside a placeholder names ("Luister op Spotify"). Only brand names: the
 * placeholder's own plea names "liveblog" and "social media", which say nothing.
 */
const NAMED_IN_TEXT: [RegExp, EmbedKind][] = PLATFORMS.flatMap((p) => p.words.map((word): [RegExp, EmbedKind] => [new RegExp(`\\b${word}\\b`, "i"), p.kind]));

function namedInText(scope: Element): EmbedKind | null {
  const text = textOf(scope);
  return NAMED_IN_TEXT.find(([word]) => word.test(text))?.[1] ?? null;
}

/** Where a removed or unloaded player keeps its address: `old-src` (archived copies), an iframe's own. */
const PLAYER_ADDRESSES = ["old-src", "src", "data-src"];

/**
 * A player whose address survives and points at a known platform: a blocked post even where no
 * placeholder text stands beside it.
 */
export function isBlockedPlayer(el: Element): boolean {
  const names = tagOf(el) === "iframe" ? PLAYER_ADDRESSES : PLAYER_ADDRESSES.slice(0, 1);
  return names.some((name) => {
    const address = attrOf(el, name);
    return !!address && socialLink(address, null) !== null;
  });
}

/** Markup of the unloaded original next to a placeholder: the embed's blockquote, a noscript copy, a hidden holder. */
export function isEmbedMarkup(el: Element): boolean {
  return tagOf(el) === "noscript" || attrOf(el, "hidden") !== null || isEmbedQuote(el) || !!findDescendant(el, isEmbedQuote);
}

/** Siblings that belong to the placeholder: embed markup, or empty carriers of data-* attributes. */
export function embedCompanions(scope: Element): Element[] {
  const isCompanion = (el: Element | null): el is Element =>
    !!el && (isEmbedMarkup(el) || (!textOf(el) && !first(el, "img,figure")));
  return [scope.previousElementSibling, scope.nextElementSibling].filter(isCompanion);
}

/** Every element of the given subtrees, noscript copies included, in document order. */
function elementsOf(roots: Element[]): Element[] {
  const all: Element[] = [];
  for (const root of roots) {
    for (let el: Element | null = root; el; el = nextElement(el, root)) {
      all.push(el);
      if (tagOf(el) === "noscript") all.push(...noscriptElements(el, () => true));
    }
  }
  return all;
}

export function embedBlock(scope: Element, companions: Element[], base: string | null): EmbedBlock {
  const elements = elementsOf([scope, ...companions]);
  const links = elements.flatMap((el) => linksOf(el, base));
  const link = links.find((l) => l.isPost) ?? links[0] ?? null;
  const kind = link?.kind ?? hintIn(elements) ?? namedInText(scope) ?? "unknown";
  return { type: "embed", kind, url: link?.url ?? null };
}
