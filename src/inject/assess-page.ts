/**
 * What this page offers, as the content script needs it: the core's verdict plus the
 * host key and timings. Never throws: a page the core chokes on is "unsupported".
 */
import { assess, siteFor, type Article, type Detection, type StepTimer } from "../core/index";
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

/** Runs a core step inside a performance measure named after it ("leesrust:detect", …). */
const timed: StepTimer = (step, run) => {
  const start = performance.now();
  try {
    return run();
  } finally {
    measure(`leesrust:${step}`, start);
  }
};

export function assessPage(doc: Document, href: string): PageAssessment {
  let hostname = "";
  try {
    hostname = new URL(href).hostname;
  } catch {
    // An unparsable URL cannot be a DPG page; the core says so too.
  }
  const site = siteFor(hostname);
  const base = { host: siteKey(hostname) ?? hostname.replace(/^www\./, ""), site: site?.name ?? null };
  try {
    const { detection, result } = assess(doc, href, timed);
    if (result.ok) return { ...base, state: "available", detection, article: result.article };
    // Nothing found (or not a DPG page) is idle; found but not extractable is worth telling the reader.
    const found = detection.placeholders + detection.photoMarkers > 0;
    return { ...base, state: site && found ? "unsupported" : "idle", detection, article: null, reason: result.reason };
  } catch (error) {
    const reason = `error: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base, state: "unsupported", detection: { placeholders: 0, photoMarkers: 0 }, article: null, reason };
  }
}
