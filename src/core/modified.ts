/**
 * When the article was last updated, for the view's "bijgewerkt 22:58": the latest of what the
 * page declares (JSON-LD dateModified, article:modified_time) and a liveblog's newest moment (a
 * `<time datetime>` heading a moment), since a liveblog's declared date can lag behind its
 * moments. Only a time later than publication counts: a page that declares its publication
 * time as its modification says nothing new.
 */
import { latest } from "./latest-date";
import { headArticle, type Head } from "./page-head";


/** `moments`: the datetimes heading the body's moments, which the body's reading collects (blocks.ts). */
export function readModified(doc: Document, head: Head, moments: readonly string[], published: string | null): string | null {
  const declared = headArticle(doc, head)?.dateModified;
  const modified = latest([typeof declared === "string" ? declared : null, head.meta.get("article:modified_time"), ...moments]);
  if (!modified) return null;
  return published && Date.parse(modified) <= Date.parse(published) ? null : modified;
}
