import type { Article, Block } from "../../core/article";
import { normalizeText } from "../../core/text";
import { figureCaptionLine, metaLine, type CopyContext } from "./article-text";
import { safeUrl } from "../../core/urls";

/**
 * Article text as CommonMark that renders back to exactly the same words: every character
 * that could start inline markup is backslash-escaped, "&" only where it would start an
 * entity (so "H&M" stays readable), and anything that would turn a line into a list item,
 * heading or rule is escaped at its start.
 */
export function escapeMarkdown(text: string): string {
  return normalizeText(text)
    .replace(/[\\`*_[\]<>#|~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * A vetted URL as a link destination or autolink. URL serialisation already percent-encodes
 * spaces, "<" and ">", so wrapping it in <…> cannot be broken out of.
 */
function destination(url: string): string {
  return `<${url}>`;
}

/** Italics for a whole line; nothing at all for empty text, which would otherwise print "**". */
function emphasis(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped ? `*${escaped}*` : "";
}

function blockMarkdown(block: Block, ctx: CopyContext): string {
  switch (block.type) {
    case "paragraph":
      return escapeMarkdown(block.text);
    case "heading":
      return `${"#".repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case "figure": {
      const src = safeUrl(block.src, null);
      // A paragraph each: a caption on the image's line would render as part of the same paragraph.
      const parts = [src ? `![${escapeMarkdown(block.alt)}](${destination(src)})` : "", emphasis(figureCaptionLine(block))];
      return parts.filter(Boolean).join("\n\n");
    }
    case "embed": {
      const note = ctx.note(block);
      if (!note) return "";
      return note.url ? `[${escapeMarkdown(note.text)}](${destination(note.url)})` : escapeMarkdown(note.text);
    }
    case "quote": {
      const quote = `> ${escapeMarkdown(block.text)}`;
      return block.cite ? `${quote}\n>\n> — ${escapeMarkdown(block.cite)}` : quote;
    }
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${escapeMarkdown(item)}`).join("\n");
  }
}

/** The article as Markdown: title as h1, intro in italics, a meta line, the blocks, the source. */
export function articleToMarkdown(article: Article, ctx: CopyContext): string {
  const meta = metaLine(article, ctx);
  const parts = [
    `# ${escapeMarkdown(article.title)}`,
    emphasis(article.intro ?? ""),
    meta ? escapeMarkdown(meta) : "",
    ...article.blocks.map((block) => blockMarkdown(block, ctx)),
    ctx.url ? `${escapeMarkdown(ctx.sourceLabel)}: ${destination(ctx.url)}` : "",
  ];
  return parts.filter(Boolean).join("\n\n") + "\n";
}
