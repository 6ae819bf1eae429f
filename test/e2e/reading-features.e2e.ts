/**
 * The reading features in a real browser (Chromium): a steady scrollbar through the 1 MB
 * liveblog, the paywall note of a premium article, and read-aloud's controls with a stand-in
 * voice list.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectOffered, openView } from "./harness/checks";
import { ChromiumSession } from "./harness/chromium";
import { loadFixture } from "../../scripts/lib/fixtures";

/** Runs in the page: scrolls the view from top to bottom a screen at a time and records its scrollHeight at each stop. */
async function scrollThrough(root: ShadowRoot | null): Promise<{ heights: number[]; stops: number }> {
  const scroller = root?.querySelector<HTMLElement>(".lr-root");
  if (!scroller) return { heights: [], stops: 0 };
  const frames = (n: number) => new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  });
  const heights: number[] = [];
  scroller.scrollTop = 0;
  await frames(2);
  let stops = 0;
  for (;;) {
    heights.push(scroller.scrollHeight);
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 || stops > 2000) break;
    scroller.scrollTop += scroller.clientHeight * 0.9;
    stops++;
    await frames(2);
  }
  return { heights, stops };
}

describe("Chromium: reading features", () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await ChromiumSession.launch({ language: "nl" });
  });
  afterAll(async () => {
    await session?.close();
  });

  test("the 1 MB liveblog: the scrollbar stays put (scrollHeight within 5 %) from top to bottom, at two sizes", async () => {
    const fixture = loadFixture("ad-current-liveblog-hittegolf-large");
    const tab = await session.open(fixture);
    await expectOffered(session, tab, fixture);
    for (const size of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      await tab.page.setViewportSize(size);
      await openView(session, tab);
      const { heights, stops } = await tab.inView(scrollThrough, undefined);
      const [min, max] = [Math.min(...heights), Math.max(...heights)];
      console.log(`liveblog at ${size.width}x${size.height}: scrollHeight ${min}–${max} px over ${stops} screens (${(((max - min) / max) * 100).toFixed(1)} %)`);
      expect(stops, "screens scrolled").toBeGreaterThan(20);
      expect((max - min) / max, `scrollHeight range ${min}–${max} px at ${size.width}x${size.height}`).toBeLessThan(0.05);
      await session.request(tab, { type: "leesrust:set-view", open: false });
    }
    await tab.close();
  });
});
