/**
 * What this page offers, as the content script needs it: the core's verdict plus the host
 * key and timings. Two depths: a glance (detection only, cheap enough for every page load)
 * and the full assessment (extraction too), made only once someone wants the article.
 * Never throws: a page the core chokes on is "unsupported".
 */
import { assess, detect, mayHoldArticle, siteFor, type Article, type Detection, type StepTimer } from "../core/index";
import type { TabState } from "../shared/messages";
import { siteKey } from "../shared/settings-store";
import { errorText } from "../shared/error-text";
import { measure } from "./measure";

export interface PageAssessment {
  state: Exclude<TabState, "open">;
  detection: Detection;
  /** The extracted article; null when there is none, undefined when only glanced at. */
  article: Article | null | undefined;
  /** Hostname without "www.": the key of the auto-open list. */
  host: string;
  site: string | null;
  /** No layout Leesrust knows fitted: the article was read from where the placeholders sit and how dense the text is. */
  bestEffort?: boolean;
  reason?: string;
}

/** Runs a core step inside a performance measure named after it ("leesrust:detect", …). */
const timed: StepTimer = (step, run) => {
  if (!__LEESRUST_MARKS__) return run();
  const start = performance.now();
  try {
    return run();
  } finally {
    measure(`leesrust:${step}`, start);
  }
};

/** The auto-open key and the DPG title of a page address; every status the content script reports carries these. */
export function pageSite(href: string): { host: string; site: string | null } {
  let hostname = "";
  try {
    hostname = new URL(href).hostname;
  } catch {
    // An unparsable URL cannot be a DPG page; the core says so too.
  }
  const site = siteFor(hostname);
  return { host: siteKey(hostname) ?? hostname.replace(/^www\./, ""), site: site?.name ?? null };
}

const NOTHING: Detection = { placeholders: 0, photoMarkers: 0 };
const found = (d: Detection) => d.placeholders + d.photoMarkers > 0;

function failed(base: ReturnType<typeof pageSite>, error: unknown): PageAssessment {
  const reason = `error: ${errorText(error)}`;
  return { ...base, state: "unsupported", detection: NOTHING, article: null, reason };
}

/**
 * Detection only. A find on a page that can hold an article is on offer ("available") until
 * extraction says otherwise; a find on a page that cannot (a section front whose teaser
 * carries a blocked post) is not, so its badge says what its popup will: no article here. A DPG
 * page without a find may still be an article, which only extraction can tell, and that waits
 * until someone asks (popup, shortcut, auto-open): most page loads never need the reader bundle.
 */
export function glancePage(doc: Document, href: string): PageAssessment {
  const base = pageSite(href);
  if (!base.site) return { ...base, state: "idle", detection: NOTHING, article: null };
  try {
    const detection = timed("detect", () => detect(doc));
    const offer = found(detection) && mayHoldArticle(doc);
    return { ...base, state: offer ? "available" : "idle", detection, article: undefined };
  } catch (error) {
    return failed(base, error);
  }
}

/** The core's full verdict, article included. */
export function assessPage(doc: Document, href: string): PageAssessment {
  const base = pageSite(href);
  try {
    const { detection, result } = assess(doc, href, timed);
    if (result.ok) return { ...base, state: "available", detection, article: result.article, ...(result.bestEffort && { bestEffort: true }) };
    // Not an article (a section front, the privacy gate) or not a DPG page: nothing to read here.
    return { ...base, state: "idle", detection, article: null, reason: result.reason };
  } catch (error) {
    return failed(base, error);
  }
}
