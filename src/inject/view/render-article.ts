/**
 * Article model → the semantic <article> of the reading view. Only text and vetted URLs
 * from the model go in; the DOM contract (data-field / data-block) is in the team plan.
 */
import type { Article, Block, EmbedBlock, FigureBlock } from "../../core/article";
import { normalizeText } from "../../core/text";
import { displayCredit } from "./article-text";
import { h, safeImage, safeLink } from "./dom";
import { embedNote } from "./embed-note";
import type { FormattedDate } from "./format-date";
import type { Translate } from "./translate";

export interface ArticleViewInput {
  article: Article;
  t: Translate;
  published: FormattedDate | null;
  /** When a liveblog or updated article last changed (format-date's formatUpdated). */
  updated?: FormattedDate | null;
  readingMinutes: number;
  /** Vetted URL of the original article, or null. */
  originalUrl: string | null;
  /** Element id for the h1, so the dialog can be labelled by it. */
  titleId: string;
}

const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

function renderHeader(input: ArticleViewInput): HTMLElement {
  const { article, t } = input;
  const meta = h(
    "p",
    { class: "lr-meta" },
    article.byline ? h("span", { "data-field": "byline" }, normalizeText(article.byline)) : null,
    input.published ? h("time", { "data-field": "published", datetime: input.published.datetime }, input.published.text) : null,
    input.updated ? h("time", { "data-field": "updated", datetime: input.updated.datetime }, t("view_updated", [input.updated.text])) : null,
    h("span", { "data-field": "reading-time" }, t("view_reading_time", [String(input.readingMinutes)])),
    safeLink(input.originalUrl, { "data-field": "original" }, t("view_original")),
  );
  return h(
    "header",
    {},
    h("p", { "data-field": "site" }, normalizeText(article.site)),
    h("h1", { id: input.titleId }, normalizeText(article.title)),
    article.intro ? h("p", { "data-field": "intro" }, normalizeText(article.intro)) : null,
    meta,
  );
}

function renderFigure(block: FigureBlock): HTMLElement {
  const caption = block.caption ? normalizeText(block.caption) : "";
  const credit = displayCredit(block.credit);
  return h(
    "figure",
    { "data-block": "figure" },
    safeImage(block.src, normalizeText(block.alt)),
    caption || credit
      ? h("figcaption", {}, caption ? h("span", {}, caption) : null, credit ? h("small", {}, credit) : null)
      : null,
  );
}

/**
 * A blocked embed is one quiet line, never the embed: the original post is at most a plain link
 * that opens in a new tab when the reader chooses to, with the cookie warning in its tooltip.
 */
function renderEmbed(block: EmbedBlock, t: Translate): HTMLElement {
  const note = embedNote(block, t);
  const link = safeLink(
    note.url,
    { target: "_blank", title: note.warning ?? "" },
    note.text,
    // The arrow says "leaves the page" to the eye; a screen reader has the tooltip.
    h("span", { "aria-hidden": "true" }, " ↗"),
  );
  return h(
    "aside",
    // The note is in the reader's language, which need not be the article's (a French note in a Dutch article).
    { "data-block": "embed", "data-kind": block.kind, role: "note", lang: t("ui_lang"), ...(link ? {} : { class: "lr-unlinked" }) },
    h("p", {}, link ?? note.text),
  );
}

function renderBlock(block: Block, t: Translate): HTMLElement {
  switch (block.type) {
    case "paragraph":
      return h("p", { "data-block": "paragraph" }, normalizeText(block.text));
    case "heading":
      return h(block.level === 3 ? "h3" : "h2", { "data-block": "heading" }, normalizeText(block.text));
    case "figure":
      return renderFigure(block);
    case "embed":
      return renderEmbed(block, t);
    case "quote":
      return h(
        "blockquote",
        { "data-block": "quote" },
        h("p", {}, normalizeText(block.text)),
        block.cite ? h("p", {}, "— ", h("cite", {}, normalizeText(block.cite))) : null,
      );
    case "list":
      return h(
        block.ordered ? "ol" : "ul",
        { "data-block": "list" },
        ...block.items.map((item) => h("li", {}, normalizeText(item))),
      );
  }
}

/** The article's header and its first `blockCount` blocks; the rest can follow with renderBlocks. */
export function renderArticle(input: ArticleViewInput, blockCount = input.article.blocks.length): HTMLElement {
  const lang = LANG.test(input.article.lang) ? input.article.lang : "nl";
  return h("article", { lang }, renderHeader(input), ...renderBlocks(input.article.blocks.slice(0, blockCount), input.t));
}

export function renderBlocks(blocks: readonly Block[], t: Translate): HTMLElement[] {
  return blocks.map((block) => renderBlock(block, t));
}
