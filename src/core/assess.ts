/**
 * The one decision whether a page gets a reading view, shared by the content script, the
 * CLI and the fixture tests: a DPG Media title and an article that could be extracted. Whether
 * something is blocked on it only decides the badge: ads, teasers and playlists break up every
 * DPG article.
 */
import type { Detection } from "./article";
import { detect } from "./detect";
import { extract, type ExtractResult } from "./extract";
import { siteFor } from "./sites";

export interface Assessment {
  detection: Detection;
  /** The extracted article, or why there is none to offer. */
  result: ExtractResult;
  offered: boolean;
}

/** Runs one step; the content script passes one that records a performance measure around it. */
export type StepTimer = <T>(step: "detect" | "extract", run: () => T) => T;

const untimed: StepTimer = (_step, run) => run();

export function assess(doc: Document, url: string, time: StepTimer = untimed): Assessment {
  const detection = time("detect", () => detect(doc));
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    // An unparsable URL is simply not a DPG page.
  }
  if (!siteFor(host)) return { detection, result: { ok: false, reason: "not a DPG Media site" }, offered: false };
  const result = time("extract", () => extract(doc, url));
  return { detection, result, offered: result.ok };
}
