/**
 * A cross-check of the content script's own measures: V8's sampling profiler on the page's
 * renderer, counting the samples whose stack has a frame from the extension's scripts. That
 * also sees what no measure wraps (mutation observer callbacks, timers, message handling,
 * the view module's evaluation), at the profiler's resolution.
 */
import type { CDPSession, Page } from "playwright-core";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ExtensionCpu {
  /** ms of main-thread samples inside extension code (chrome-extension:// frames on the stack). */
  ms: number;
  /** The heaviest extension functions by inclusive sample time, for finding the step that dominates. */
  top: { fn: string; ms: number }[];
}

const SAMPLING_US = 100;
const MAX_SAMPLE_US = 4 * SAMPLING_US;
const isExtension = (url: string) => url.startsWith("chrome-extension://");

export class ExtensionProfiler {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<ExtensionProfiler> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: SAMPLING_US });
    await cdp.send("Profiler.start");
    return new ExtensionProfiler(cdp);
  }

  async stop(): Promise<ExtensionCpu> {
    const { profile } = (await this.cdp.send("Profiler.stop")) as unknown as { profile: Profile };
    await this.cdp.detach();
    return summarize(profile);
  }
}

function summarize(profile: Profile): ExtensionCpu {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  let total = 0;
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    // A sample stands for the time until the next one, capped: a long gap means the thread (or the
    // sampler) waited for a CPU, which on a busy machine would pin a whole wait on one function.
    // V8 can also deliver samples slightly out of order (a negative delta), which counts as none.
    const ms = Math.max(0, Math.min(deltas[i + 1] ?? SAMPLING_US, MAX_SAMPLE_US)) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!isExtension(frame.url)) continue;
      // Line and column too: in the minified bundles, names alone do not tell functions apart.
      const file = frame.url.replace(/^chrome-extension:\/\/[^/]+\//, "");
      const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      seen.add(key);
    }
    if (seen.size === 0) return;
    total += ms;
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  });
  const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([fn, ms]) => ({ fn, ms }));
  return { ms: total, top };
}
