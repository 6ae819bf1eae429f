/**
 * Where an article's images may come from: DPG's own image hosts and the titles' own hosts,
 * over https. An image is a request the reader's browser makes when the view shows it, so an
 * address the page names elsewhere (a lazy attribute or noscript copy pointing at an ad or
 * social host) would let the page track who opens the view. Applied in the core, so the CLI,
 * the view and the copied Markdown show the same images.
 */
import table from "./image-hosts.json";
import { siteFor } from "./sites";

const IMAGE_HOSTS = new Set(table.hosts);

/** True for an absolute https URL on a DPG image host or a DPG title's host. */
export function isDpgImageUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Credentials in an image address are a way to smuggle data to a host, never DPG's own.
  if (url.protocol !== "https:" || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  return IMAGE_HOSTS.has(host) || siteFor(host) !== null;
}
