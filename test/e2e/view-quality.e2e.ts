/**
 * The reading view as readers meet it, in Chromium: an automated accessibility check
 * (axe-core inside the view's closed shadow root), text contrast in light and dark, a first frame
 * that fills the screen at three sizes, text set in the faces the font warm-up readies, and the
 * README's screenshots (docs/screenshots/ via `npm run screenshots`), taken from the fixtures in Dutch.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectOffered, openView, readView, waitForPopup } from "./harness/checks";
import { ChromiumSession, type ChromiumTab } from "./harness/chromium";
import { lowContrastText } from "./harness/contrast";
import { loadFixture, SEED } from "../../scripts/lib/fixtures";
import { AXE_PATH, SCREENSHOTS_DIR } from "./harness/paths";
import { FACES, SANS, SERIF, type Face } from "../../src/inject/view/styles";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";

interface AxeSummary {
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
  passesInsideView: number;
}

/**
 * Runs on the view's root (`Tab.inView`, in the harness's own world beside the page's): loads
 * axe there and runs every rule on the view's host and its shadow tree. axe walks shadow trees
 * through `Element.shadowRoot`, which a closed root leaves null; in this world alone (the page's
 * world and the view are not changed) the view's host answers it with its root, so axe checks
 * the live view itself, as laid out and styled on the page.
 */
async function runAxe(root: ShadowRoot | null, axeSource: string): Promise<AxeSummary> {
  type Node = { target: unknown[] };
  type Result = { id: string; impact: string | null; help: string; nodes: Node[] };
  if (!root) throw new Error("no reading view to check");
  const host = root.host;
  const shadowRoot = Object.getOwnPropertyDescriptor(Element.prototype, "shadowRoot")!.get!;
  Object.defineProperty(Element.prototype, "shadowRoot", {
    configurable: true,
    get(this: Element) {
      return this === host ? root : shadowRoot.call(this);
    },
  });
  (0, eval)(axeSource);
  const axe = (globalThis as unknown as { axe: { run(context: Element): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
  const results = await axe.run(host);
  return {
    violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) })),
    // A shadow-DOM target is a path: ["#host", "inner selector"].
    passesInsideView: results.passes.filter((p) => p.nodes.some((n) => Array.isArray(n.target[0]))).length,
  };
}

describe("Chromium: the reading view for readers", () => {
  let session: ChromiumSession;
  let tab: ChromiumTab;
  const seed = loadFixture(SEED);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    session = await ChromiumSession.launch({ language: "nl" });
    tab = await session.open(seed);
    await expectOffered(session, tab, seed);
  });
  afterAll(async () => {
    await session?.close();
  });

  test("screenshot of the popup on an article with blocked posts", async () => {
    const popup = await session.popup(tab);
    await waitForPopup(popup, "the tab's status", (s) => s.state === "available");
    await popup.screenshot(join(SCREENSHOTS_DIR, "popup.png"));
    await popup.close();
  });

  test.each(["light", "dark"] as const)("%s: no serious or critical axe violations (popovers closed and open), AA text contrast", async (scheme) => {
    await tab.page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    if (!(await readView(tab))) await openView(session, tab);
    const axeSource = readFileSync(AXE_PATH, "utf8");
    for (const popover of [null, "copy", "settings"]) {
      if (popover) await tab.clickInView(`button[data-action="${popover}"]`);
      const axe = await tab.inView(runAxe, axeSource);
      expect(axe.passesInsideView, "axe must have looked inside the shadow root").toBeGreaterThan(5);
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical"), `with ${popover ?? "no"} popover open`).toEqual([]);
      expect(await tab.inView(lowContrastText, undefined), `text below WCAG AA contrast (${scheme}, ${popover ?? "no"} popover open)`).toEqual([]);
    }
    await session.request(tab, { type: "leesrust:set-view", open: false });
  });

  test.each(["light", "dark"] as const)("screenshots for the README at 1× scale, phone and desktop: %s", async (scheme) => {
    await tab.page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    const harnessSize = tab.page.viewportSize();
    for (const [device, size] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1366, height: 768 }]] as const) {
      await tab.page.setViewportSize(size);
      await openView(session, tab);
      await tab.screenshot(join(SCREENSHOTS_DIR, `reading-view-${device}-${scheme}.png`));
      await session.request(tab, { type: "leesrust:set-view", open: false });
    }
    if (harnessSize) await tab.page.setViewportSize(harnessSize);
  });

  test("screenshot of blocked posts' notes in the flow of an article", async () => {
    const storm = loadFixture("ad-current-storm-embeds");
    const stormTab = await session.open(storm);
    await stormTab.page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
    await expectOffered(session, stormTab, storm);
    await openView(session, stormTab);
    const scrolled = await stormTab.inView((root) => {
      const note = root?.querySelector('[data-block="embed"]:has(a[href])');
      note?.scrollIntoView({ block: "center" });
      return note !== null && note !== undefined;
    }, undefined);
    expect(scrolled, "a note with a link to the original post").toBe(true);
    await stormTab.screenshot(join(SCREENSHOTS_DIR, "reading-view-embed-notes.png"));
    await stormTab.close();
  });

  /** Runs `check` on each fixture's page: the seed's is the suite's own tab, the others are opened for it and closed after. */
  async function onEachPage(names: string[], check: (page: ChromiumTab, name: string) => Promise<void>) {
    for (const name of names) {
      const page = name === SEED ? tab : await session.open(loadFixture(name));
      await check(page, name);
      if (page !== tab) await page.close();
    }
  }

  /** Runs in the page: how far the blocks of the view's first frame reach (the later ones carry lr-later). */
  function firstScreenReach(root: ShadowRoot | null) {
    const blocks = Array.from(root?.querySelectorAll("[data-block]") ?? []);
    const first = blocks.filter((b) => !b.classList.contains("lr-later"));
    return { first: first.length, all: blocks.length, bottom: first.at(-1)?.getBoundingClientRect().bottom ?? 0, height: innerHeight };
  }

  test("the first frame holds a screenful: its last block reaches past the bottom at laptop, desktop and phone sizes", async () => {
    const harnessSize = tab.page.viewportSize();
    await onEachPage([SEED, "ad-current-storm-embeds", "hln-classic-olifantje"], async (page, name) => {
      for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
        await page.page.setViewportSize(size);
        await openView(session, page);
        const reach = await page.inView(firstScreenReach, undefined);
        expect(reach.first, `${name} at ${size.width}x${size.height}: blocks in the first frame`).toBeGreaterThan(0);
        if (reach.first < reach.all) expect(reach.bottom, `${name} at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(reach.height);
        await session.request(page, { type: "leesrust:set-view", open: false });
      }
    });
    if (harnessSize) await tab.page.setViewportSize(harnessSize);
  });

  /**
   * Runs in the page: every element with text of its own whose computed font differs from the
   * face the FACES table gives it (the last face whose selector it matches, else its parent's).
   * The font warm-up (warm-faces.ts) measures text in those faces, and helps only if they are right.
   */
  function faceMismatches(
    shadow: ShadowRoot | null,
    { faces, px, families, phone }: { faces: readonly Face[]; px: number; families: Record<Face["family"], string>; phone: boolean },
  ) {
    const root = shadow?.querySelector(".lr-root");
    if (!root) return ["no view"];
    const faceOf = new Map<Element, Face | undefined>();
    const wrong: string[] = [];
    for (const el of [root, ...root.querySelectorAll("*")]) {
      const face = [...faces].reverse().find((f) => el.matches(f.selector)) ?? (el.parentElement ? faceOf.get(el.parentElement) : undefined);
      faceOf.set(el, face);
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
      const style = getComputedStyle(el);
      const got = `${style.fontStyle} ${style.fontWeight} ${parseFloat(style.fontSize)}px ${style.fontFamily}`;
      const size = face && ("px" in face.size ? face.size.px : Math.round(((phone && face.size.phone) || face.size.times) * px * 100) / 100);
      const want = face ? `${face.italic ? "italic" : "normal"} ${face.weight ?? 400} ${size}px ${families[face.family]}` : "a face";
      if (got !== want) wrong.push(`<${el.localName} class="${el.className}">: ${got}, FACES says ${want}`);
    }
    return wrong;
  }

  test("every text in the view is set in the face the FACES table gives it, the face the warm-up readies, on a phone and on a desktop", async () => {
    const families = { text: SERIF, ui: SANS };
    await onEachPage([SEED, "ed-current-ziekenhuis-embeds", "gelderlander-current-vierdaagse"], async (page, name) => {
      const harnessSize = page.page.viewportSize();
      await page.page.setViewportSize({ width: 390, height: 844 });
      await openView(session, page);
      const onPhone = await page.inView(faceMismatches, { faces: FACES, px: DEFAULT_SETTINGS.view.size, families, phone: true });
      expect(onPhone, `faces in the view of ${name} on a phone`).toEqual([]);
      await session.request(page, { type: "leesrust:set-view", open: false });
      if (harnessSize) await page.page.setViewportSize(harnessSize);
      await openView(session, page);
      const wrong = await page.inView(faceMismatches, { faces: FACES, px: DEFAULT_SETTINGS.view.size, families, phone: false });
      expect(wrong, `faces in the view of ${name}`).toEqual([]);
      // A printout sets the text at 12 pt (16 px) whatever the reader's size on screen.
      await page.page.emulateMedia({ media: "print" });
      const printed = await page.inView(faceMismatches, { faces: FACES, px: 16, families, phone: false });
      await page.page.emulateMedia({ media: "screen" });
      expect(printed, `faces in the printout of ${name}`).toEqual([]);
      await session.request(page, { type: "leesrust:set-view", open: false });
    });
  });
});
