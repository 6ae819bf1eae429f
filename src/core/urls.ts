/**
 * The only way a URL gets into an Article: resolved against the page and kept only if it
 * is plain http(s). javascript:, data:, blob: and anything unparsable are dropped.
 */
import type { EmbedKind } from "./article";
import { platformOf, PLATFORMS } from "./players";
import { POST_PATH } from "./site-rules";
import { siteFor } from "./sites";

export function safeUrl(raw: string | null | undefined, base: string | null): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
}

/**
 * The candidate of a srcset ("a.jpg 480w, b.jpg 960w" or "a.jpg 1x, b.jpg 2x") that suits a
 * reading column: the smallest width of at least READING_WIDTH, else the largest; for density
 * descriptors 2x, else the largest; the first when none is sized. Parsed as the HTML spec does:
 * a URL is a run of non-spaces, so commas inside URLs (data: URLs, CDN paths) do not split it.
 */
export function readingSrcsetUrl(srcset: string | null): string | null {
  if (!srcset) return null;
  const candidates = srcsetCandidates(srcset);
  const widths = candidates.filter((c) => c.unit === "w");
  const pool = widths.length ? widths : candidates.filter((c) => c.unit === "x");
  if (!pool.length) return candidates[0]?.url ?? null;
  const enough = widths.length ? READING_WIDTH : 2;
  const fits = pool.filter((c) => c.size >= enough).sort((a, b) => a.size - b.size)[0];
  return (fits ?? pool.reduce((a, b) => (b.size > a.size ? b : a))).url;
}

/** Wide enough for a reading column on a high-density screen, without fetching a poster-sized file. */
const READING_WIDTH = 1024;

interface Candidate {
  url: string;
  size: number;
  unit: "w" | "x" | "";
}

function srcsetCandidates(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  let i = 0;
  const n = srcset.length;
  const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
  while (i < n) {
    while (i < n && (isSpace(srcset[i]!) || srcset[i] === ",")) i++;
    const urlStart = i;
    while (i < n && !isSpace(srcset[i]!)) i++;
    let url = srcset.slice(urlStart, i);
    let descriptor = "";
    if (url.endsWith(",")) url = url.replace(/,+$/, "");
    else {
      const descStart = i;
      while (i < n && srcset[i] !== ",") i++;
      descriptor = srcset.slice(descStart, i).trim().toLowerCase();
    }
    if (!url) continue;
    const size = parseFloat(descriptor);
    const unit = descriptor.endsWith("w") ? "w" : descriptor.endsWith("x") ? "x" : "";
    candidates.push(Number.isFinite(size) && unit ? { url, size, unit } : { url, size: 0, unit: "" });
  }
  return candidates;
}

/** A player's address (an embed iframe's src) as the post's own page; any other URL as it is. */
export function postPage(safe: string | null): string | null {
  if (!safe) return null;
  for (const { pages = [] } of PLATFORMS) {
    for (const [pattern, toPage] of pages) {
      const match = safe.match(pattern);
      if (match) return safeUrl(toPage(match, new URL(safe)), null);
    }
  }
  return safe;
}

export interface SocialLink {
  url: string;
  kind: EmbedKind;
  /** Points at one post rather than a profile or hashtag page. */
  isPost: boolean;
}

/** A social post link as the reading view may show it: https, no fragment, no tracking query. */
export function socialLink(raw: string, base: string | null): SocialLink | null {
  const safe = postPage(safeUrl(raw, base));
  if (!safe) return null;
  const url = new URL(safe);
  const platform = platformOf(url);
  if (!platform) return null;
  url.protocol = "https:";
  url.hash = "";
  const kept = new URLSearchParams();
  for (const name of platform.keep ?? []) {
    const value = url.searchParams.get(name);
    if (value) kept.set(name, value);
  }
  url.search = kept.toString();
  const isPost = !!platform.itemsOnly || POST_PATH.test(url.pathname) || url.hostname === "youtu.be" || url.hostname === "fb.watch";
  return { url: url.href, kind: platform.kind, isPost };
}

/** The host of a web (http/https) address; null for anything else (a file, unparsable). */
function webHost(url: string | null): string | null {
  try {
    const parsed = new URL(url ?? "");
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/**
 * Whether `url` is on the same DPG title as the page at `base` (www. and regional subdomains
 * alike); with no web address to go by (none, or a saved file), whether it is on a DPG title at
 * all. A page's claims about its own address are believed only then.
 */
export function sameDpgSite(url: string, base: string | null): boolean {
  const site = siteFor(webHost(url) ?? "");
  if (!site) return false;
  const baseHost = webHost(base);
  return baseHost === null || siteFor(baseHost)?.domain === site.domain;
}
