/**
 * The words for a blocked post's note, in the reader's language, from the model's kind and
 * link alone: "Bericht op X — niet geladen". The screen, the copies and the printout say the same.
 */
import type { EmbedBlock, EmbedKind } from "../../core/article";
import { safeUrl } from "../../core/urls";
import type { Translate } from "./render-article";

/** Brand names are the same in every language; kinds without a platform have none. */
const PLATFORM_NAMES: Record<EmbedKind, string | null> = {
  x: "X",
  instagram: "Instagram",
  youtube: "YouTube",
  facebook: "Facebook",
  tiktok: "TikTok",
  liveblog: null,
  video: null,
  unknown: null,
};

export interface EmbedNote {
  /** One line, e.g. "Bericht op Instagram — niet geladen". */
  text: string;
  /** The original post's page (vetted), or null. */
  url: string | null;
  /** For the link's tooltip: where it goes and that the site may set its own cookies; null without a link. */
  warning: string | null;
}

/**
 * YouTube's player address (/embed/ID) shows a bare player without the page around it; the
 * watch page is what a reader following the link expects.
 */
export function watchPageUrl(url: string): string {
  const parsed = new URL(url);
  const id = /^\/embed\/([\w-]{6,})$/.exec(parsed.pathname)?.[1];
  if (!id || !/(^|\.)youtube(-nocookie)?\.com$/.test(parsed.hostname)) return url;
  return `https://www.youtube.com/watch?v=${id}`;
}

export function embedNote(block: EmbedBlock, t: Translate): EmbedNote {
  const text = t("view_embed_note", [t(`view_embed_what_${block.kind}`)]);
  const vetted = safeUrl(block.url, null);
  if (!vetted) return { text, url: null, warning: null };
  const url = watchPageUrl(vetted);
  const site = PLATFORM_NAMES[block.kind] ?? new URL(url).hostname.replace(/^www\./, "");
  return { text, url, warning: t("view_embed_link_title", [site]) };
}
