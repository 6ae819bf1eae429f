/**
 * The words for a blocked post's note, in the reader's language, from the model's kind and
 * link alone: "Bericht op X — niet geladen". The screen, the copies and the printout say the same.
 */
import type { EmbedBlock } from "../../core/article";
import { platformName } from "../../core/players";
import { postPage, safeUrl } from "../../core/urls";
import type { Translate } from "./translate";

export interface EmbedNote {
  /** One line, e.g. "Bericht op Instagram — niet geladen". */
  text: string;
  /** The original post's page (vetted), or null. */
  url: string | null;
  /** For the link's tooltip: where it goes and that the site may set its own cookies; null without a link. */
  warning: string | null;
}

export function embedNote(block: EmbedBlock, t: Translate): EmbedNote {
  const text = t("view_embed_note", [t(`view_embed_what_${block.kind}`)]);
  // A player's address (YouTube's /embed/ID) shows a bare player: the post's page is what a reader expects.
  const url = postPage(safeUrl(block.url, null));
  if (!url) return { text, url: null, warning: null };
  // Brand names are the same in every language; a podcast host or an unknown post is named by its host.
  const site = platformName(block.kind) ?? new URL(url).hostname.replace(/^www\./, "");
  return { text, url, warning: t("view_embed_link_title", [site]) };
}
