/**
 * What the reading view shows, read from the page through its DOM contract
 * (`#leesrust-reading-view` and its shadow root, reached through `Tab.inView`), and compared with a fixture's
 * expected article. The in-page functions are self-contained: the browsers run their source.
 */
import type { ExpectedArticle } from "../../../scripts/lib/fixtures";
import { postPage } from "../../../src/core/urls";

export const VIEW_HOST = "leesrust-reading-view";

export interface RenderedBlock {
  type: string;
  text: string;
  items: string[];
  links: string[];
  images: string[];
}

export interface RenderedView {
  lang: string;
  title: string;
  intro: string | null;
  byline: string | null;
  published: string | null;
  site: string | null;
  blocks: RenderedBlock[];
  /** Executable content or unsafe URLs found anywhere in the view (must stay empty). */
  unsafe: string[];
}

/** Runs in the page (`Tab.inView`). Returns null when no reading view is open, or while it is still adding the blocks after its first screen. */
export function readRenderedView(root: ShadowRoot | null): RenderedView | null {
  if (!root || root.querySelector("article[aria-busy]")) return null;
  const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
  const textOf = (sel: string) => {
    const el = root.querySelector(sel);
    return el ? norm(el.textContent) : null;
  };
  const unsafe: string[] = [];
  const forbidden = new Set(["SCRIPT", "IFRAME", "FRAME", "OBJECT", "EMBED", "BASE", "FORM", "META", "NOSCRIPT"]);
  for (const el of Array.from(root.querySelectorAll("*"))) {
    const tag = el.tagName.toUpperCase();
    if (forbidden.has(tag)) unsafe.push(`<${tag.toLowerCase()}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim();
      if (name.startsWith("on")) unsafe.push(`${tag.toLowerCase()}[${name}]`);
      if (name === "srcdoc") unsafe.push(`${tag.toLowerCase()}[srcdoc]`);
      if (["href", "src", "action", "formaction", "xlink:href", "poster", "cite"].includes(name)) {
        if (value !== "" && !/^https?:\/\//i.test(value) && !(name === "href" && value.startsWith("#"))) {
          unsafe.push(`${tag.toLowerCase()}[${name}=${value.slice(0, 60)}]`);
        }
      }
      if (name === "srcset" && value.split(",").some((c) => !/^https?:\/\//i.test(c.trim()))) {
        unsafe.push(`${tag.toLowerCase()}[srcset=${value.slice(0, 60)}]`);
      }
      if (name === "style" && /url\s*\(|expression\s*\(|javascript:/i.test(value)) {
        unsafe.push(`${tag.toLowerCase()}[style=${value.slice(0, 60)}]`);
      }
    }
  }
  const article = root.querySelector("article");
  return {
    lang: article?.getAttribute("lang") ?? "",
    title: textOf("article header h1") ?? "",
    intro: textOf('article header [data-field="intro"]'),
    byline: textOf('article header [data-field="byline"]'),
    published: root.querySelector('article header time[data-field="published"]')?.getAttribute("datetime") ?? null,
    site: textOf('article header [data-field="site"]'),
    blocks: Array.from(root.querySelectorAll<HTMLElement>("[data-block]")).map((el) => ({
      type: el.dataset.block ?? "",
      text: norm(el.textContent),
      items: Array.from(el.querySelectorAll("li")).map((li) => norm(li.textContent)),
      links: Array.from(el.querySelectorAll("a[href]")).map((a) => a.getAttribute("href") ?? ""),
      images: Array.from(el.querySelectorAll("img")).map((img) => img.getAttribute("src") ?? ""),
    })),
    unsafe,
  };
}

/** Runs in the page (`Tab.inView`): scrolls an element of the view to the middle and gives its centre, for a real click there. */
export function pointToClick(root: ShadowRoot | null, selector: string): { x: number; y: number } | null {
  const el = root?.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: "center" });
  const box = el.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * Differences between what the view shows and what the fixture expects, one line each,
 * so a failure names the block. Paragraphs and headings must match exactly; figures and quotes
 * must contain their texts (the view adds labels such as a credit prefix); a blocked post's note
 * must link its original where the page gives one.
 */
export function compareWithExpected(view: RenderedView, expected: ExpectedArticle, lang?: string): string[] {
  const diffs: string[] = [];
  const same = (what: string, got: string | null, want: string | null) => {
    if (norm(got) !== norm(want)) diffs.push(`${what}: got ${JSON.stringify(norm(got))}, want ${JSON.stringify(norm(want))}`);
  };
  const contains = (what: string, got: string, want: string | null) => {
    if (want && !norm(got).includes(norm(want))) diffs.push(`${what}: ${JSON.stringify(norm(got))} lacks ${JSON.stringify(norm(want))}`);
  };
  same("title", view.title, expected.title);
  same("intro", view.intro, expected.intro);
  if (expected.byline) contains("byline", view.byline ?? "", expected.byline);
  // The same instant may be written in another zone ("…+02:00" on the page, "…Z" in the view).
  if (expected.published && Date.parse(view.published ?? "") !== Date.parse(expected.published)) {
    diffs.push(`published (time[datetime]): got ${view.published}, want ${expected.published}`);
  }
  contains("site", view.site ?? "", expected.site);
  if (lang) same("lang", view.lang, lang);

  const types = (blocks: { type: string }[]) => blocks.map((b) => b.type).join(",");
  if (types(view.blocks) !== types(expected.blocks)) {
    diffs.push(`block types: got [${types(view.blocks)}], want [${types(expected.blocks)}]`);
  }
  expected.blocks.forEach((want, i) => {
    const got = view.blocks[i];
    const where = `block ${i} (${want.type})`;
    if (!got) return void diffs.push(`${where}: missing`);
    switch (want.type) {
      case "paragraph":
      case "heading":
        same(where, got.text, want.text);
        break;
      case "quote":
        contains(where, got.text, want.text);
        contains(`${where} cite`, got.text, want.cite);
        break;
      case "list":
        if (JSON.stringify(got.items) !== JSON.stringify(want.items.map(norm))) {
          diffs.push(`${where}: items ${JSON.stringify(got.items)}, want ${JSON.stringify(want.items.map(norm))}`);
        }
        break;
      case "figure":
        contains(`${where} caption`, got.text, want.caption);
        contains(`${where} credit`, got.text, want.credit);
        if (want.src && !got.images.includes(want.src)) diffs.push(`${where}: images ${JSON.stringify(got.images)} lack ${want.src}`);
        break;
      case "embed":
        // The view words the note itself (from kind and link), in the reader's language: only the link is the page's.
        if (want.url && !got.links.includes(postPage(want.url) ?? want.url)) diffs.push(`${where}: links ${JSON.stringify(got.links)} lack ${want.url}`);
        break;
    }
  });
  return diffs;
}
