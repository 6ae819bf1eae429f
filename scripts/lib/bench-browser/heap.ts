/**
 * The memory a page's renderer holds in JavaScript: V8's used heap after a full garbage
 * collection, for every world in the tab (the page's own scripts and the content script's).
 * Loaded with and without the extension, the difference is what the extension keeps on a page.
 */
import type { Page } from "playwright-core";

export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value;
    if (used === undefined) throw new Error("Chromium reported no JSHeapUsedSize metric.");
    return used / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}
