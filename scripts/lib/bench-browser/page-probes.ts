/**
 * Functions the benchmark runs inside the page (main world). They are serialised by
 * Playwright, so each one is self-contained. The content script lives in an isolated world,
 * but its `performance.measure` entries land on the page's one Performance timeline, so the
 * main world reads them directly.
 */

export interface LoadTiming {
  /** DOMContentLoaded event end, ms after navigation start. */
  domContentLoaded: number;
  /** Load event end, ms after navigation start. */
  load: number;
}

export interface MeasureEntry {
  name: string;
  start: number;
  duration: number;
}

export function readLoadTiming(): LoadTiming | null {
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (!nav || nav.loadEventEnd === 0) return null;
  return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
}

/** Every measure the content script recorded ("leesrust:detect", "leesrust:extract", "leesrust:open-view"). */
export function readLeesrustMeasures(): MeasureEntry[] {
  return performance
    .getEntriesByType("measure")
    .filter((e) => e.name.startsWith("leesrust:"))
    .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration }));
}

export interface PaintProbe {
  /** When the view's host element was appended (mutation observer callback). */
  inserted: number;
  /** The second requestAnimationFrame after that: the next frame has begun, so the first one was presented. */
  secondFrame: number;
}

declare global {
  interface Window {
    __leesrustBenchPaint?: Partial<PaintProbe>;
  }
}

/**
 * Arms a probe that sees the reading view arrive and the frame after its first one begin; read
 * it with readPaintProbe. (The end of the first frame itself comes from the trace: a message
 * posted from the probe's frame callback would queue behind work the view schedules for after
 * its first frame, and count it.)
 */
export function armPaintProbe(hostId: string): void {
  const probe: Partial<PaintProbe> = {};
  window.__leesrustBenchPaint = probe;
  const observer = new MutationObserver(() => {
    if (!document.getElementById(hostId)) return;
    observer.disconnect();
    probe.inserted = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => (probe.secondFrame = performance.now())));
  });
  // The view's host is a child of <html>: no subtree watch, so the probe costs the page nothing.
  observer.observe(document.documentElement, { childList: true });
}

export function readPaintProbe(): PaintProbe | null {
  const probe = window.__leesrustBenchPaint;
  return probe?.inserted !== undefined && probe.secondFrame !== undefined ? (probe as PaintProbe) : null;
}

/**
 * The smallest step performance.now() takes in this page, ms: browsers round their clocks
 * against timing attacks (Firefox ESR to 1 ms on these pages), which bounds how fine a measure
 * can be. Spins for at most 50 ms.
 */
export function readTimerResolution(): number {
  const start = performance.now();
  let last = start;
  let step = Infinity;
  for (let now = start; now - start < 50; now = performance.now()) {
    if (now > last) step = Math.min(step, now - last);
    last = now;
  }
  return step;
}
