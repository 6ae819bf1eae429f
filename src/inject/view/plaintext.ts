import type { Article, Block } from "../../core/article";
import { normalizeText } from "../../core/text";
import { figureCaptionLine, metaLine, type CopyContext } from "./article-text";

function blockText(block: Block, ctx: CopyContext): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return normalizeText(block.text);
    case "figure":
      return figureCaptionLine(block);
    case "embed": {
      const note = ctx.note(block);
      if (!note) return "";
      return note.url ? `${note.text} (${note.url})` : note.text;
    }
    case "quote":
      return block.cite ? `${normalizeText(block.text)}\n— ${normalizeText(block.cite)}` : normalizeText(block.text);
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${normalizeText(item)}`).join("\n");
  }
}

/** The article as plain text: one paragraph per block, blank lines between, source at the end. */
export function articleToPlainText(article: Article, ctx: CopyContext): string {
  const parts = [
    normalizeText(article.title),
    article.intro ? normalizeText(article.intro) : "",
    metaLine(article, ctx),
    ...article.blocks.map((block) => blockText(block, ctx)),
    ctx.url ? `${ctx.sourceLabel}: ${ctx.url}` : "",
  ];
  return parts.filter(Boolean).join("\n\n") + "\n";
}
