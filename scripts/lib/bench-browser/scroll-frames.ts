/**
 * Scrolling the reading view of the 1 MB liveblog (538 blocks) from top to bottom, as a steady
 * fling of a fixed distance per frame, traced: how long the frames took and how much main-thread
 * work each needed (most of it laying out the blocks that scroll into view; the rest are
 * `content-visibility: auto` and skipped). Also the view's scrollHeight at the top and its range
 * over the scroll, which the reserved block heights (size-estimate.ts) keep steady.
 */
import type { BrowserContext } from "playwright-core";
import { ChromiumTab, type ChromiumSession } from "../../../test/e2e/harness/chromium";
import { waitFor } from "../../../test/e2e/harness/session";
import { PageTrace, pageTasks, renderingSpans, type TraceEvent } from "./page-trace";

/** Pixels per frame: about 3,600 px a second at 60 Hz, a brisk flick through a long page. */
const STEP_PX = 60;
const FRAME_CATEGORIES = ["disabled-by-default-devtools.timeline.frame"];

export interface ScrollRun {
  /** Intervals between the frames the compositor drew while scrolling, ms. */
  frameMs: number[];
  /** Main-thread thread time of each task that painted a frame, ms. */
  mainMs: number[];
  /** Of which style, layout, paint and commit, per such task, ms. */
  renderingMs: number[];
  scrollHeight: { min: number; max: number };
}

/** Runs in the page (`Tab.inView`): scrolls the view by `step` px per animation frame to the bottom; scrollHeight seen on the way. */
async function fling(root: ShadowRoot | null, step: number): Promise<{ min: number; max: number; frames: number }> {
  const scroller = root?.querySelector<HTMLElement>(".lr-root");
  if (!scroller) throw new Error("no reading view");
  let [min, max, frames] = [Infinity, 0, 0];
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    min = Math.min(min, scroller.scrollHeight);
    max = Math.max(max, scroller.scrollHeight);
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    scroller.scrollTop += step;
    frames++;
  }
  return { min, max, frames };
}

function frameFigures(events: TraceEvent[], from: number, to: number): Pick<ScrollRun, "frameMs" | "mainMs" | "renderingMs"> {
  const draws = events.filter((e) => e.name === "DrawFrame" && e.ts >= from && e.ts <= to).map((e) => e.ts).sort((a, b) => a - b);
  const frameMs = draws.slice(1).map((ts, i) => (ts - draws[i]!) / 1000);
  const paint = events.find((e) => e.name === "Paint" && e.ph === "X" && e.ts >= from);
  if (!paint) return { frameMs, mainMs: [], renderingMs: [] };
  const { pid, tid } = paint;
  const rendering = renderingSpans(events, pid, tid);
  const painting = pageTasks(events, pid, tid).filter((t) => t.start >= from && t.end <= to && events.some((e) => e.pid === pid && e.tid === tid && e.name === "Paint" && e.ts >= t.start && e.ts <= t.end));
  return {
    frameMs,
    mainMs: painting.map((t) => t.cpu / 1000),
    renderingMs: painting.map((t) => rendering.filter((s) => s.start >= t.start && s.end <= t.end).reduce((sum, s) => sum + s.cpu, 0) / 1000),
  };
}

/** Opens the view on the liveblog in a fresh tab and traces one fling from top to bottom. */
export async function scrollLiveblog(session: ChromiumSession, context: BrowserContext, url: string): Promise<ScrollRun> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const tab = new ChromiumTab(page, url);
  const status = await waitFor("the liveblog's view", async () => {
    const s = await session.request(tab, { type: "leesrust:set-view", open: true });
    return s?.state === "open" && s;
  });
  if (!status) throw new Error("no view on the liveblog");
  await waitFor("the whole liveblog in the view", () => tab.inView((root) => root?.querySelector("article:not([aria-busy])") !== null, undefined));
  const trace = await PageTrace.start(page, FRAME_CATEGORIES);
  const mark = () => page.evaluate(() => performance.mark("bench:fling"));
  await mark();
  const seen = await tab.inView(fling, STEP_PX);
  await mark();
  const events = await trace.stop();
  const marks = events.filter((e) => e.cat === "blink.user_timing" && e.name === "bench:fling").map((e) => e.ts);
  await page.close();
  return { ...frameFigures(events, Math.min(...marks), Math.max(...marks)), scrollHeight: { min: seen.min, max: seen.max } };
}

/** A row of bench:browser's table (its Row, structurally). */
interface ScrollRow {
  figure: string;
  values: number[];
  goal?: number;
}

/** A frame interval longer than this (1.5 frames at 60 Hz) means at least one frame was dropped. */
const DROPPED_MS = 25;

/** `runs` flings through the liveblog, every frame of all of them pooled, as rows of the bench's table. */
export async function liveblogScrollRows(session: ChromiumSession, context: BrowserContext, url: string, runs: number, goalMs: number): Promise<ScrollRow[]> {
  await scrollLiveblog(session, context, url); // warm-up
  const all: ScrollRun[] = [];
  for (let run = 0; run < runs; run++) all.push(await scrollLiveblog(session, context, url));
  const frames = all.flatMap((r) => r.frameMs);
  const dropped = frames.filter((ms) => ms > DROPPED_MS).length;
  return [
    { figure: `Liveblog scroll (${STEP_PX} px/frame): frame interval (wall)`, values: frames },
    { figure: `Liveblog scroll: intervals over ${DROPPED_MS} ms (% of frames)`, values: [(dropped / Math.max(1, frames.length)) * 100] },
    { figure: "Liveblog scroll: main-thread CPU per painted frame", values: all.flatMap((r) => r.mainMs), goal: goalMs },
    { figure: "  of which style, layout, paint, commit (CPU)", values: all.flatMap((r) => r.renderingMs) },
    { figure: "Liveblog scroll: scrollHeight range (% of its max)", values: all.map((r) => ((r.scrollHeight.max - r.scrollHeight.min) / r.scrollHeight.max) * 100) },
  ];
}
