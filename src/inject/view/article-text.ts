/**
 * Small text decisions shared by the rendered view and the copied text, so the screen, the
 * clipboard and the printout always say the same thing.
 */
import type { Article, EmbedBlock, FigureBlock } from "../../core/article";
import type { EmbedNote } from "./embed-note";
import { normalizeText } from "../../core/text";

/** Credits read "© EPA" whether the page wrote "EPA", "©EPA" or "© EPA". */
export function displayCredit(credit: string | null): string | null {
  const name = credit ? normalizeText(credit).replace(/^©\s*/, "") : "";
  return name ? `© ${name}` : null;
}

/** Caption and credit as one line, e.g. "Afghaanse burgers … gesloten. © EPA". */
export function figureCaptionLine(block: FigureBlock): string {
  return [block.caption ? normalizeText(block.caption) : "", displayCredit(block.credit) ?? ""].filter(Boolean).join(" ");
}

/** What copied text needs beyond the Article: the date as shown, and where the article came from. */
export interface CopyContext {
  /** The published date as the view shows it, or null. */
  date: string | null;
  /** The original article's URL (already vetted), or null. */
  url: string | null;
  /** Label for the source line, e.g. "Bron". */
  sourceLabel: string;
  /** A blocked post's note as the view words it (embed-note.ts), or null where the reader hides it. */
  note(block: EmbedBlock): EmbedNote | null;
}

/** "Door Jan Jansen · AD · 14 augustus 2021, 09:12", leaving out what is unknown. */
export function metaLine(article: Article, ctx: CopyContext): string {
  return [article.byline, article.site, ctx.date]
    .map((part) => (part ? normalizeText(part) : ""))
    .filter(Boolean)
    .join(" · ");
}
