import type { Article, Block } from "../../core/article";
import { collapse, figureCaptionLine, metaLine, type CopyContext } from "./article-text";
import { safeUrl } from "../../core/urls";

function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return collapse(block.text);
    case "figure":
      return figureCaptionLine(block);
    case "embed": {
      const url = safeUrl(block.url, null);
      return url ? `${collapse(block.text)} (${url})` : collapse(block.text);
    }
    case "quote":
      return block.cite ? `${collapse(block.text)}\n— ${collapse(block.cite)}` : collapse(block.text);
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${collapse(item)}`).join("\n");
  }
}

/** The article as plain text: one paragraph per block, blank lines between, source at the end. */
export function articleToPlainText(article: Article, ctx: CopyContext): string {
  const parts = [
    collapse(article.title),
    article.intro ? collapse(article.intro) : "",
    metaLine(article, ctx),
    ...article.blocks.map(blockText),
    ctx.url ? `${ctx.sourceLabel}: ${ctx.url}` : "",
  ];
  return parts.filter(Boolean).join("\n\n") + "\n";
}
