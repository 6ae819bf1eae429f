/**
 * The reading view's design as a reader meets it, in Chromium and Firefox: legible popup and
 * options pages, a column of 60–75 characters a line at every width step, a regular-weight
 * intro, a one-row toolbar on a phone, a settings popover that opens in view wherever the
 * reader has scrolled, and a meta line that breaks only between its items.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { expectOffered, openView } from "./harness/checks";
import { ChromiumSession, ChromiumTab } from "./harness/chromium";
import { FirefoxSession } from "./harness/firefox";
import { waitFor, type BrowserSession, type Tab } from "./harness/session";
import { loadFixture } from "../../scripts/lib/fixtures";
import { WIDTHS } from "../../src/shared/settings";

/** Long paragraphs of ordinary prose, so that most lines are full ones. */
const PROSE = "volkskrant-current-grondwater";

interface LineCount {
  lines: number;
  mean: number;
  min: number;
  max: number;
}

/**
 * Runs in the page (`Tab.inView`): characters on each line of the first screen's paragraphs
 * (spaces included), found by where each character's box starts a new line. A paragraph's last
 * line is short by nature and left out.
 */
function charactersPerLine(root: ShadowRoot | null): LineCount {
  const counts: number[] = [];
  // Not the blocks laid out only near the screen (lr-later): their boxes may be from before the width changed.
  for (const p of Array.from(root?.querySelectorAll('[data-block="paragraph"]:not(.lr-later)') ?? [])) {
    const text = p.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const range = document.createRange();
    const length = (text as Text).length;
    let lineTop: number | null = null;
    let count = 0;
    const perLine: number[] = [];
    for (let i = 0; i < length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (lineTop !== null && box.top > lineTop + box.height / 2) {
        perLine.push(count);
        count = 0;
      }
      if (lineTop === null || box.top > lineTop + box.height / 2) lineTop = box.top;
      count++;
    }
    // The last line never reaches perLine.
    counts.push(...perLine);
  }
  const sum = counts.reduce((a, b) => a + b, 0);
  return { lines: counts.length, mean: Math.round((sum / counts.length) * 10) / 10, min: Math.min(...counts), max: Math.max(...counts) };
}

/** Runs in the page: the toolbar's height and how many rows its buttons take. */
function toolbarShape(root: ShadowRoot | null) {
  const bar = root?.querySelector(".lr-bar");
  const tops = new Set(Array.from(bar?.querySelectorAll(".lr-bar-row > button, .lr-anchor > button") ?? []).map((b) => Math.round(b.getBoundingClientRect().top)));
  return { height: bar?.getBoundingClientRect().height ?? 0, rows: tops.size, overflow: (root?.querySelector(".lr-root")?.scrollWidth ?? 0) > innerWidth };
}

/** Runs in the page: each item of the meta line on one line of its own box (broken only between items). */
function brokenMetaItems(root: ShadowRoot | null): string[] {
  return Array.from(root?.querySelectorAll(".lr-meta > *") ?? [])
    .filter((item) => {
      // Without the padding that makes the original-article link a 44 px touch target.
      const style = getComputedStyle(item);
      const height = item.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return item.getClientRects().length > 1 || height > parseFloat(style.lineHeight) * 1.5;
    })
    .map((item) => item.textContent ?? "");
}

function scrollViewTo(root: ShadowRoot | null, top: number): number {
  const scroller = root?.querySelector(".lr-root");
  if (!scroller) return -1;
  scroller.scrollTop = top;
  return scroller.scrollTop;
}

function popoverBox(root: ShadowRoot | null) {
  const panel = root?.querySelector<HTMLElement>("#lr-settings");
  const box = panel?.getBoundingClientRect();
  return panel && box && !panel.hidden ? { top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: innerHeight, width: innerWidth } : null;
}

/**
 * Runs in the page: the controls in the view matching `selector` (only those shown) smaller than
 * a fingertip's 44 × 44 px, and whether anything makes the view wider than the screen.
 */
function touchCheck(root: ShadowRoot | null, selector: string) {
  const shown = Array.from(root?.querySelectorAll<HTMLElement>(selector) ?? []).filter((el) => el.getClientRects().length > 0);
  const small = shown
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.height < 43.5 || box.width < 43.5)
    .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  const scroller = root?.querySelector(".lr-root");
  const wide = Array.from(root?.querySelectorAll<HTMLElement>(".lr-bar, .lr-popover:not([hidden]), .lr-player, article") ?? []).filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.left < -0.5 || box.right > innerWidth + 0.5);
  });
  return { count: shown.length, small, sideways: (scroller?.scrollWidth ?? 0) > (scroller?.clientWidth ?? 0) || wide.length > 0 };
}

const TOOLBAR_AND_SETTINGS = ".lr-bar-row > button, .lr-anchor > button, #lr-settings button, #lr-settings label";
const PLAYER = ".lr-player button, .lr-player select";
const NOTE_LINKS = 'aside[data-block="embed"] a, a[data-field="original"]';

const bodyFontPx = () => parseFloat(getComputedStyle(document.body).fontSize);

const launchers: [string, () => Promise<BrowserSession>][] = [
  ["Chromium", () => ChromiumSession.launch({ language: "nl" })],
  ["Firefox", () => FirefoxSession.launch()],
];

describe.each(launchers)("%s: the reading view's design", (_, launch) => {
  let session: BrowserSession;
  let tab: Tab;
  const prose = loadFixture(PROSE);

  beforeAll(async () => {
    session = await launch();
    tab = await session.open(prose);
    await tab.setViewport(1366, 768);
    await expectOffered(session, tab, prose);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await session.request(tab, { type: "leesrust:set-view", open: false });
    await tab.setViewport(1366, 768);
  });

  test("popup and options set their text at a readable size on body itself", async () => {
    const popup = await session.popup(tab);
    await waitFor("the popup's status", () => popup.evaluate(() => document.querySelector("main")?.dataset.state !== "loading", undefined));
    expect(await popup.evaluate(bodyFontPx, undefined), "popup body font size (px)").toBeGreaterThanOrEqual(14);
    await popup.close();
    const options = await session.extensionPage("options.html");
    expect(await options.evaluate(bodyFontPx, undefined), "options body font size (px)").toBeGreaterThanOrEqual(15);
    await options.close();
  });

  test("60–75 characters a line at every width step (smal, middel, breed) and in either face, and an intro in regular weight", async () => {
    // A tab of its own with a tall screen, so that the view's first screen (whose lines are
    // laid out at once) holds many lines.
    const tall = await session.open(prose);
    await tall.setViewport(1366, 2400);
    await expectOffered(session, tall, prose);
    await openView(session, tall);
    await tall.clickInView('button[data-action="settings"]');
    const perStep: Record<string, LineCount> = {};
    for (const width of WIDTHS) {
      await tall.clickInView(`input[name="lr-width"][value="${width}"]`);
      perStep[width] = await tall.inView(charactersPerLine, undefined);
    }
    console.log(`${session.browserName}: characters per line`, JSON.stringify(perStep));
    for (const [width, count] of Object.entries(perStep)) {
      expect(count.lines, `${width}: full lines measured`).toBeGreaterThan(15);
      expect(count.mean, `${width}: mean characters a line`).toBeGreaterThanOrEqual(60);
      expect(count.mean, `${width}: mean characters a line`).toBeLessThanOrEqual(75);
    }
    expect(perStep.narrow!.mean).toBeLessThan(perStep.medium!.mean);
    expect(perStep.medium!.mean).toBeLessThan(perStep.wide!.mean);
    // The sans-serif face is another width of character, and the column follows it.
    await tall.clickInView('input[name="lr-width"][value="medium"]');
    await tall.clickInView('input[name="lr-font"][value="sans"]');
    const sans = await tall.inView(charactersPerLine, undefined);
    console.log(`${session.browserName}: characters per line, sans-serif, middel`, JSON.stringify(sans));
    expect(sans.mean).toBeGreaterThanOrEqual(60);
    expect(sans.mean).toBeLessThanOrEqual(75);
    await tall.clickInView('input[name="lr-font"][value="serif"]');
    const weight = await tall.inView((root) => Number(getComputedStyle(root!.querySelector('[data-field="intro"]')!).fontWeight), undefined);
    expect(weight, "intro font weight").toBeLessThanOrEqual(500);
    await tall.close();
  });

  test("the settings open in view after the reader scrolled 1200 px", async () => {
    await openView(session, tab);
    // Down past 1200 px (the toolbar steps aside), then a little back up (it returns).
    await tab.inView(scrollViewTo, 1400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tab.inView(scrollViewTo, 1200)).toBe(1200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // From the keyboard: a click would first scroll the button to the middle of the screen.
    await tab.inView((root) => root?.querySelector<HTMLElement>('button[data-action="settings"]')?.focus({ preventScroll: true }), undefined);
    await tab.press("Enter");
    const box = await waitFor("the settings popover", () => tab.inView(popoverBox, undefined));
    expect(box.top, "popover top").toBeGreaterThanOrEqual(0);
    expect(box.bottom, "popover bottom").toBeLessThanOrEqual(box.height);
    expect(box.left, "popover left").toBeGreaterThanOrEqual(0);
    expect(box.right, "popover right").toBeLessThanOrEqual(box.width);
    expect(await tab.inView((root) => root?.querySelector(".lr-root")?.scrollTop, undefined), "still scrolled").toBe(1200);
  });

  test("Tab starts at the toolbar and goes on into the article; the original-article link opens the page", async () => {
    const own = await session.open(prose);
    await expectOffered(session, own, prose);
    await openView(session, own);
    const focused = () => own.inView((root) => root?.activeElement?.getAttribute("data-action") ?? root?.activeElement?.getAttribute("data-field") ?? root?.activeElement?.className ?? null, undefined);
    expect(await focused(), "focus on open: the dialog").toBe("lr-root");
    const order: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      await own.press("Tab");
      order.push(await focused());
    }
    expect(order).toEqual(["close", "read-aloud", "copy", "print", "settings", "original"]);
    await own.press("Enter");
    await waitFor("the original page to load in place of the view", async () => {
      const url = await own.evaluate(() => location.href, undefined).catch(() => null);
      return url === prose.expected.url && (await own.evaluate(() => document.readyState === "complete", undefined).catch(() => false));
    });
    await own.close();
  });

  test("a printout keeps a readable measure and leaves out the notes and the toolbar (where the browser can emulate print)", async (context) => {
    if (!(tab instanceof ChromiumTab)) return context.skip("only Playwright emulates print media");
    const storm = loadFixture("ad-current-storm-embeds");
    const own = (await session.open(storm)) as ChromiumTab;
    await expectOffered(session, own, storm);
    await openView(session, own);
    await own.page.emulateMedia({ media: "print" });
    const lines = await own.inView(charactersPerLine, undefined);
    const shown = await own.inView((root) => Array.from(root?.querySelectorAll('.lr-bar, [data-block="embed"]') ?? []).filter((el) => el.getClientRects().length > 0).length, undefined);
    await own.page.emulateMedia({ media: "screen" });
    console.log(`${session.browserName}: characters per printed line`, JSON.stringify(lines));
    expect(lines.mean).toBeGreaterThanOrEqual(55);
    expect(lines.mean).toBeLessThanOrEqual(75);
    expect(shown, "toolbar and notes in the printout").toBe(0);
    await own.close();
  });

  test.each([
    [390, 844],
    [320, 640],
  ])("at %i px wide: a toolbar of one row, at most 56 px high; nothing wider than the screen; the meta line breaks between items only", async (width, height) => {
    await tab.setViewport(width, height);
    await openView(session, tab);
    const shape = await tab.inView(toolbarShape, undefined);
    console.log(`${session.browserName} at ${width} px: toolbar`, JSON.stringify(shape));
    expect(shape.rows, "rows of toolbar buttons").toBe(1);
    expect(shape.height, "toolbar height (px)").toBeLessThanOrEqual(56);
    expect(shape.overflow, "the view scrolls sideways").toBe(false);
    expect(await tab.inView(brokenMetaItems, undefined)).toEqual([]);
  });

  test.each([
    [320, 640],
    [390, 844],
    [430, 932],
    [844, 390],
  ])("on a phone at %i × %i px (portrait and landscape): toolbar, settings, player and notes fit the screen's width, every control a 44 px touch target", async (width, height) => {
    const storm = loadFixture("ad-current-storm-embeds");
    const own = await session.open(storm);
    await own.setViewport(width, height);
    await expectOffered(session, own, storm);
    await openView(session, own);
    await own.clickInView('button[data-action="settings"]');
    const settings = await own.inView(touchCheck, TOOLBAR_AND_SETTINGS);
    expect(settings.count, "toolbar buttons and settings controls found").toBeGreaterThan(15);
    expect(settings.small, "toolbar and settings controls under 44 px").toEqual([]);
    expect(settings.sideways, "sideways scrolling with the settings open").toBe(false);
    const box = await own.inView(popoverBox, undefined);
    expect(box && box.left >= 0 && box.right <= width, `the settings popover within the screen: ${JSON.stringify(box)}`).toBe(true);
    await own.press("Escape");

    await own.clickInView('button[data-action="read-aloud"]');
    await waitFor("the read-aloud player", () => own.inView((root) => root?.querySelector(".lr-player:not([hidden])") !== null, undefined));
    const player = await own.inView(touchCheck, PLAYER);
    expect(player.count, "player controls found").toBeGreaterThanOrEqual(4);
    expect(player.small, "player controls under 44 px").toEqual([]);
    expect(player.sideways, "sideways scrolling with the player open").toBe(false);

    const notes = await own.inView(touchCheck, NOTE_LINKS);
    expect(notes.count, "note links and the original-article link").toBeGreaterThan(1);
    expect(notes.small, "links under 44 px").toEqual([]);
    await own.close();
  });

  test("on a phone the toolbar steps aside as a finger scrolls down and comes back as it scrolls up (Chromium: touch; Firefox: the wheel)", async () => {
    const own = await session.open(prose);
    await own.setViewport(390, 844);
    await expectOffered(session, own, prose);
    await openView(session, own);
    const bar = () => own.inView((root) => ({ hidden: root?.querySelector(".lr-bar")?.hasAttribute("data-hidden") ?? null, top: root?.querySelector(".lr-root")?.scrollTop ?? 0 }), undefined);
    expect((await bar()).hidden).toBe(false);
    await own.swipe(195, 700, 500);
    const down = await waitFor("the toolbar to step aside", async () => ((await bar()).hidden === true ? bar() : null));
    expect(down.top, "the view scrolled down").toBeGreaterThan(200);
    await own.swipe(195, 300, -150);
    await waitFor("the toolbar to come back", async () => (await bar()).hidden === false);
    await own.close();
  });
});
