/**
 * What this page offers, as the content script needs it: the core's verdict plus the
 * host key and timings. Never throws: a page the core chokes on is "unsupported".
 */
import { detect, extract, siteFor, type Article, type Detection } from "../core/index";
import type { TabState } from "../shared/messages";
import { siteKey } from "../shared/settings-store";

export interface PageAssessment {
  state: Exclude<TabState, "open">;
  detection: Detection;
  article: Article | null;
  /** Hostname without "www.": the key of the auto-open list. */
  host: string;
  site: string | null;
  reason?: string;
}

/** Records a performance measure from `start` to now, for the benchmarks; silent where unsupported. */
export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Old engines and some test DOMs lack measure options; timing is a diagnostic, not a feature.
  }
}

export function assessPage(doc: Document, href: string): PageAssessment {
  let hostname = "";
  try {
    hostname = new URL(href).hostname;
  } catch {
    // An unparsable URL cannot be a DPG page; falls through to idle.
  }
  const site = siteFor(hostname);
  const base = {
    detection: { placeholders: 0, photoMarkers: 0 },
    article: null,
    host: siteKey(hostname) ?? hostname.replace(/^www\./, ""),
    site: site?.name ?? null,
  };
  if (!site) return { ...base, state: "idle" };
  try {
    let start = performance.now();
    const detection = detect(doc);
    measure("leesrust:detect", start);
    if (detection.placeholders + detection.photoMarkers === 0) return { ...base, detection, state: "idle" };
    start = performance.now();
    const result = extract(doc, href);
    measure("leesrust:extract", start);
    return result.ok
      ? { ...base, detection, state: "available", article: result.article }
      : { ...base, detection, state: "unsupported", reason: result.reason };
  } catch (error) {
    return { ...base, state: "unsupported", reason: `error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
