/**
 * Chromium's trace of a tab, read for main-thread CPU time. On a busy machine the wall-clock
 * figures (performance measures, frame times) include time the renderer waited for a CPU;
 * the trace's thread time (`tdur`) does not, so it tells what the same steps cost on an idle
 * machine. The content script's measures and the page's marks appear in the trace as
 * `blink.user_timing` events on the renderer's main thread, which ties the two clocks together.
 */
import type { CDPSession, Page } from "playwright-core";

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** µs on the trace clock. */
  ts: number;
  /** Wall and thread duration, µs, on complete ("X") events. */
  dur?: number;
  tdur?: number;
  args?: { chrome_mojo_event_info?: { mojo_interface_tag?: string } };
}

const CATEGORIES = ["toplevel", "devtools.timeline", "blink.user_timing"];

export class PageTrace {
  private readonly events: TraceEvent[] = [];

  private constructor(private readonly cdp: CDPSession) {
    cdp.on("Tracing.dataCollected", ({ value }) => this.events.push(...(value as unknown as TraceEvent[])));
  }

  /** `more`: categories besides the CPU ones (frame events, say). */
  static async start(page: Page, more: readonly string[] = []): Promise<PageTrace> {
    const cdp = await page.context().newCDPSession(page);
    const trace = new PageTrace(cdp);
    await cdp.send("Tracing.start", { traceConfig: { includedCategories: [...CATEGORIES, ...more] }, transferMode: "ReportEvents" });
    return trace;
  }

  async stop(): Promise<TraceEvent[]> {
    const complete = new Promise((resolve) => this.cdp.once("Tracing.tracingComplete", resolve));
    await this.cdp.send("Tracing.end");
    await complete;
    await this.cdp.detach();
    return this.events;
  }
}

export interface Span {
  start: number;
  end: number;
  cpu: number;
}

const span = (e: TraceEvent): Span => ({ start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0 });

/** Thread time of `s` that falls within [from, to], pro-rated by wall time for a span that straddles an end. */
function cpuWithin(s: Span, from: number, to: number): number {
  const overlap = Math.min(s.end, to) - Math.max(s.start, from);
  if (overlap <= 0) return 0;
  return s.end > s.start ? (s.cpu * overlap) / (s.end - s.start) : 0;
}

/** The outermost of the thread's complete events named in `names`, in time order. */
function outermost(events: TraceEvent[], pid: number, tid: number, names: ReadonlySet<string>): Span[] {
  const spans = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && names.has(e.name))
    .map(span)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: Span[] = [];
  for (const s of spans) {
    const last = outer[outer.length - 1];
    if (!last || s.start >= last.end) outer.push(s);
  }
  return outer;
}

/**
 * Top-level work on the thread: a task shows as RunTask, its scheduler's event, or both nested;
 * a microtask checkpoint after a mojo reply (where the content script's awaits resume) can stand alone.
 */
const TASKS = new Set(["RunTask", "ThreadControllerImpl::RunTask", "BlinkScheduler_PerformMicrotaskCheckpoint"]);

/** The renderer main thread's tasks, without the ones DevTools (this benchmark's own probes) ran there. */
export function pageTasks(events: TraceEvent[], pid: number, tid: number): Span[] {
  const devtools = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === "Receive mojo message")
    .filter((e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag?.includes("DevTools"))
    .map(span);
  return outermost(events, pid, tid, TASKS).filter((task) => !devtools.some((d) => d.start >= task.start && d.end <= task.end));
}

const RENDERING = new Set(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"]);

/** Style, layout, paint and commit work on the thread (outermost: a Paint holds nested Paints). */
export const renderingSpans = (events: TraceEvent[], pid: number, tid: number) => outermost(events, pid, tid, RENDERING);

export interface FrameWindow {
  /** Wall time on the trace clock, ms. */
  wall: number;
  /** Main-thread thread time in the window, ms. */
  cpu: number;
  /** Of which style, layout, paint and commit. */
  rendering: number;
}

/**
 * From the beginning of the first measure whose name starts with `fromPrefix` (the toggle's
 * arrival) to the end of the main-thread task that paints the first frame after the measure
 * `viewMeasure` ended (the view's first frame: its task ends once style, layout and paint are
 * done and the frame is handed to the compositor). Read from the trace alone, so nothing the
 * page or the view queues for after that frame counts, and no probe of ours runs in the page
 * meanwhile. null when the trace lacks one of the points.
 */
export function toFirstFrame(events: TraceEvent[], fromPrefix: string, viewMeasure: string): FrameWindow | null {
  const begins = events.filter((e) => e.cat === "blink.user_timing" && e.ph === "b" && e.name.startsWith(fromPrefix));
  if (begins.length === 0) return null;
  const from = Math.min(...begins.map((e) => e.ts));
  const viewEnd = events.find((e) => e.cat === "blink.user_timing" && e.ph === "e" && e.name === viewMeasure && e.ts >= from);
  if (!viewEnd) return null;
  const { pid, tid } = viewEnd;
  const paint = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.name === "Paint" && e.ts >= viewEnd.ts)
    .sort((a, b) => a.ts - b.ts)[0];
  const tasks = pageTasks(events, pid, tid);
  const frame = paint && tasks.find((t) => t.start <= paint.ts && t.end >= paint.ts);
  if (!frame) return null;
  const to = frame.end;
  const cpu = tasks.reduce((sum, t) => sum + cpuWithin(t, from, to), 0);
  const rendering = renderingSpans(events, pid, tid).reduce((sum, s) => sum + cpuWithin(s, from, to), 0);
  return { wall: (to - from) / 1000, cpu: cpu / 1000, rendering: rendering / 1000 };
}

/**
 * Thread time inside the measures whose names start with `prefix`, ms. A measure has only
 * wall time, so each is scaled by the CPU share of the task it ran in (left at wall time when
 * no task encloses it).
 */
export function measuresCpu(events: TraceEvent[], prefix: string): number {
  let total = 0;
  for (const begin of events.filter((e) => e.cat === "blink.user_timing" && e.ph === "b" && e.name.startsWith(prefix))) {
    const end = events.find((e) => e.cat === begin.cat && e.ph === "e" && e.name === begin.name && e.pid === begin.pid && e.ts >= begin.ts);
    if (!end) continue;
    const task = pageTasks(events, begin.pid, begin.tid).find((t) => t.start <= begin.ts && t.end >= end.ts);
    const wall = end.ts - begin.ts;
    total += task && task.end > task.start ? (wall * task.cpu) / (task.end - task.start) : wall;
  }
  return total / 1000;
}
