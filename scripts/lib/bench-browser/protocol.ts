/**
 * What both browsers' runs of `npm run bench:browser` share: the reader's pauses, the waits for
 * the content script, and what makes a run broken rather than slow.
 */
import { waitFor } from "../../../test/e2e/harness/session";
import { sum } from "../stats";
import type { MeasureEntry } from "./page-probes";

/** Goals from the performance issue. */
export const GOAL = { loadWorkMs: 5, paintMs: 16, waitingMs: 50 };
/** Time a reader needs at least to reach the toolbar button; the content script preloads the view meanwhile. */
export const READER_DELAY_MS = 500;
/** Time a reader needs at least from the popup opening to its switch; the view is built ahead meanwhile. */
export const POPUP_TO_SWITCH_MS = 300;
/** After the content script's first measure: time for the rest of its start (settings, badge report, reader bundle preload). */
export const SETTLE_MS = 200;
/** After the toggle's answer: ample time for the view's first frames on a busy machine, without probing the page. */
export const VIEW_SETTLE_MS = 600;

/** The run cannot give its figures (no extension, no measures, no view): it fails, unlike a slow run. */
export class BrokenRun extends Error {}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const workOf = (measures: MeasureEntry[]) => sum(measures.map((m) => m.duration));

/** Waits for the content script's first glance (its leesrust:detect measure), read with `read`; then every measure so far. */
export async function contentScriptMeasures(read: () => Promise<MeasureEntry[]>, what: string): Promise<MeasureEntry[]> {
  try {
    return await waitFor(`the content script's leesrust:detect measure on ${what}`, async () => {
      const measures = await read();
      return measures.some((m) => m.name === "leesrust:detect") && measures;
    });
  } catch (error) {
    throw new BrokenRun(`The content script did not run on ${what} (no leesrust:detect measure): ${(error as Error).message}`);
  }
}

/**
 * The measures' side of one opening of the view: `ahead` were recorded at get-status (the popup
 * path builds the view then), `measures` since the toggle arrived. `secondFrame` is the paint
 * probe's page time for the start of the frame after the view's first.
 */
export function toggleMeasures(ahead: MeasureEntry[], measures: MeasureEntry[], secondFrame: number, where: string) {
  const openView = measures.find((m) => m.name === "leesrust:open-view");
  if (!openView) throw new BrokenRun(`No leesrust:open-view measure after opening the view ${where}.`);
  const toggled = Math.min(...measures.map((m) => m.start));
  return {
    warmFaces: workOf(ahead.filter((m) => m.name === "leesrust:warm-faces")),
    extract: workOf(measures.filter((m) => m.name === "leesrust:extract")),
    openView: openView.duration,
    secondFrame: secondFrame - toggled,
  };
}
