/**
 * The only way the reading view makes elements. Text goes in as text nodes, never as markup.
 * Event-handler attributes and URL-carrying attributes are refused here, so a URL can only
 * enter the view through the helpers below, which put it through the core's URL gate again:
 * the model promises vetted URLs, but a bug there or a hand-built Article must still not get a
 * javascript: or data: URL into the page.
 */
import { safeUrl } from "../../core/urls";
import { isDpgImageUrl } from "../../core/image-hosts";

type Child = Node | string | null;

const REFUSED_ATTRIBUTE = /^(on|href$|src$|srcset$|srcdoc$|style$|action$|formaction$|xlink:href$)/i;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (REFUSED_ATTRIBUTE.test(name)) throw new Error(`reading view: attribute ${name} must not be set directly`);
    el.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null) el.append(child);
  }
  return el;
}

/**
 * A link that leaves the page's referrer behind. null when the URL is not http(s), so the
 * caller shows the text without a link.
 */
export function safeLink(url: string | null, attrs: Record<string, string>, ...children: Child[]): HTMLAnchorElement | null {
  const href = safeUrl(url, null);
  if (!href) return null;
  const a = h("a", { ...attrs, rel: "noopener noreferrer", referrerpolicy: "no-referrer" }, ...children);
  a.href = href;
  return a;
}

/**
 * A lazily loaded image, or null unless the URL is https on a DPG image host: the core vets
 * images so (image-hosts.ts), and a hand-built Article must not make the reader's browser
 * request anything else either.
 */
export function safeImage(src: string | null, alt: string): HTMLImageElement | null {
  const url = safeUrl(src, null);
  if (!url || !isDpgImageUrl(url)) return null;
  const img = h("img", { alt, loading: "lazy", decoding: "async", referrerpolicy: "no-referrer" });
  img.src = url;
  return img;
}
