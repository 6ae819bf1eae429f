/**
 * Records a performance measure from `start` to now, for the benchmarks; silent where
 * unsupported. Only in builds made with marks (build.mjs --marks): the page shares the
 * timeline, so in a shipped build a measure would tell it that Leesrust is installed.
 * A module without imports, so that every bundle can record its own steps.
 */
export function measure(name: string, start: number): void {
  if (!__LEESRUST_MARKS__) return;
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Old engines and some test DOMs lack measure options; timing is a diagnostic, not a feature.
  }
}
