/**
 * The view following the page, in Chromium and Firefox: a liveblog whose own script adds, edits,
 * removes and re-renders moments while the view is open (pages/live-liveblog.html), newest first
 * and oldest first, and an article whose body changes (pages/live-article.html). What the reader
 * has at the top of the screen must stay within 2 px through every change, and blocks that did not
 * change keep their nodes.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectOffered, expectViewShows, openView } from "./harness/checks";
import { ChromiumSession } from "./harness/chromium";
import { FirefoxSession } from "./harness/firefox";
import { E2E_PAGES_DIR } from "./harness/paths";
import { pointToClick, VIEW_HOST } from "./harness/reading-view";
import { waitFor, type BrowserSession, type Tab } from "./harness/session";
import { loadFixture } from "../../scripts/lib/fixtures";

/**
 * Runs in the view: scrolls block `index` to the top of the screen (`into` px into it), and marks
 * it and every block in the view now. Measured a few frames later: blocks that come near the screen
 * are laid out at the next frame (content-visibility), and the browser then keeps the place itself.
 */
async function markPlace(root: ShadowRoot | null, { index, into }: { index: number; into: number }) {
  const scroller = root!.querySelector<HTMLElement>(".lr-root")!;
  const blocks = Array.from(root!.querySelectorAll<HTMLElement>("article > [data-block]"));
  const top = () => scroller.getBoundingClientRect().top;
  if (index >= 0) scroller.scrollTop += blocks[index]!.getBoundingClientRect().top - top() + into;
  for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
  for (const block of blocks) block.setAttribute("data-e2e-kept", "");
  for (const el of Array.from(root!.querySelectorAll("[data-e2e-place]"))) el.removeAttribute("data-e2e-place");
  const place = blocks.find((b) => b.getBoundingClientRect().bottom > top())!;
  place.setAttribute("data-e2e-place", "");
  return { top: place.getBoundingClientRect().top - top(), text: place.textContent ?? "" };
}

/** Runs in the view: what it shows, and where the marked block stands. */
function liveState(root: ShadowRoot | null) {
  const scroller = root?.querySelector<HTMLElement>(".lr-root");
  if (!root || !scroller) return null;
  const blocks = Array.from(root.querySelectorAll<HTMLElement>("article > [data-block]"));
  const place = root.querySelector("[data-e2e-place]");
  return {
    headings: blocks.filter((b) => b.dataset.block === "heading").map((b) => b.textContent ?? ""),
    texts: blocks.map((b) => b.textContent ?? ""),
    fresh: blocks.filter((b) => !b.hasAttribute("data-e2e-kept")).map((b) => b.textContent ?? ""),
    images: Array.from(root.querySelectorAll("img"), (img) => img.getAttribute("src") ?? ""),
    notes: root.querySelectorAll('aside[data-block="embed"]').length,
    notice: root.querySelector('[data-field="live-notice"]')?.textContent ?? "",
    updated: root.querySelector('time[data-field="updated"]')?.textContent ?? null,
    title: root.querySelector("h1")?.textContent ?? null,
    placeTop: place ? place.getBoundingClientRect().top - scroller.getBoundingClientRect().top : null,
    placeText: place?.textContent ?? null,
    focused: (root.activeElement as HTMLElement | null)?.textContent ?? null,
  };
}

type LiveState = NonNullable<ReturnType<typeof liveState>>;

const state = async (tab: Tab): Promise<LiveState> => (await tab.inView(liveState, undefined))!;
const until = (tab: Tab, what: string, ok: (s: LiveState) => boolean) => waitFor(what, async () => {
  const s = await state(tab);
  return ok(s) ? s : null;
});

function expectPlaceKept(s: LiveState, place: { top: number; text: string }, when: string) {
  expect(s.placeText, `the block at the top of the screen ${when}`).toBe(place.text);
  expect(Math.abs(s.placeTop! - place.top), `its top moved from ${place.top} to ${s.placeTop} px ${when}`).toBeLessThanOrEqual(2);
}

function expectNoDuplicates(s: LiveState) {
  expect(new Set(s.headings).size, `moments: ${s.headings.join(" | ")}`).toBe(s.headings.length);
}

/** A real click on a control of the view, with the place measured again after the click's own scrolling into view (a fixed notice needs none, but a test must not depend on that). */
async function clickKeeping(tab: Tab, selector: string, index = -1) {
  await tab.inView(pointToClick, selector);
  const place = await tab.inView(markPlace, { index, into: 0 });
  await tab.clickInView(selector);
  return place;
}

const moment = (time: string, title: string, more: Record<string, unknown> = {}) => ({
  time,
  title,
  paragraphs: [`${title}: het eerste bericht hierover kwam om ${time}.`, "Meer nieuws volgt zodra het bekend is."],
  ...more,
});

function describeLiveIn(browserName: string, launch: () => Promise<BrowserSession>) {
  describe(`${browserName}: the view follows the page`, () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await launch();
    });
    afterAll(async () => {
      await session?.close();
    });

    /** The changing article in its view, the reader a little into its seventh block. */
    async function openArticle() {
      const fixture = loadFixture("live-article", E2E_PAGES_DIR);
      const tab = await session.open(fixture);
      await expectOffered(session, tab, fixture);
      await openView(session, tab);
      const before = await state(tab);
      const place = await tab.inView(markPlace, { index: 6, into: 3 });
      return { tab, before, place };
    }

    test("a newest-first liveblog: new moments at the top with a notice, an edit in place, a re-render without duplicates or new nodes, a removal; the place within 2 px throughout", async () => {
      const fixture = loadFixture("live-liveblog", E2E_PAGES_DIR);
      const tab = await session.open(fixture);
      await expectOffered(session, tab, fixture);
      expectViewShows(await openView(session, tab), fixture);
      const before = await state(tab);
      let place = await tab.inView(markPlace, { index: 12, into: 7 });

      await tab.evaluate(
        (moments) => (window as unknown as { __live: { add(m: unknown[]): void } }).__live.add(moments),
        [
          moment("21:50", "Onweer op komst in het zuiden", { image: { src: "https://images.ad.nl/hitte/onweer.jpg", alt: "Onweerswolken", caption: "Onweerswolken boven Eindhoven." } }),
          moment("22:05", "Stroomstoring in Den Bosch", { image: { src: "https://www.facebook.com/tr?id=1&ev=PageView", alt: "", caption: "Een donkere straat in Den Bosch." }, blocked: true }),
          moment("22:20", "Temperatuur daalt na de bui"),
        ],
      );
      let s = await until(tab, "three new moments", (x) => x.headings.length === before.headings.length + 3);
      expect(s.headings.slice(0, 3).map((h) => h.slice(0, 5))).toEqual(["22:20", "22:05", "21:50"]);
      expect(s.headings.slice(3)).toEqual(before.headings);
      expectNoDuplicates(s);
      expectPlaceKept(s, place, "after three moments above it");
      expect(s.fresh, "only the new moments' blocks are new nodes").toHaveLength(s.texts.length - before.texts.length);
      // The notice follows in the frame that lays the new moments out.
      s = await until(tab, "the notice of three new moments", (x) => /^(3 nieuwe berichten|3 new updates)$/.test(x.notice ?? ""));
      expectPlaceKept(s, place, "after three moments above it, with the notice");
      // In the reader's time zone, whatever the machine's is.
      expect(s.updated).toMatch(/^(bijgewerkt|updated) \d\d:20$/);
      // The same extraction as at the start: DPG's image in, the tracking pixel out, the blocked post a note, the page's ad and share button gone.
      expect(s.images).toContain("https://images.ad.nl/hitte/onweer.jpg");
      expect(s.images.some((src) => !/^https:\/\/images\.ad\.nl\//.test(src)), s.images.join(" ")).toBe(false);
      expect(s.notes).toBe(before.notes + 1);
      expect(s.texts.some((t) => /Advertentie|Deel dit moment|Onze excuses/.test(t))).toBe(false);

      place = await tab.inView(markPlace, { index: -1, into: 0 });
      const correction = "Ook in de avond is het nog erg druk op de stranden van Scheveningen, Zandvoort en Noordwijk. De politie vraagt bezoekers dringend om niet meer met de auto te komen, want de wegen naar de kust staan vast en hulpdiensten komen er moeilijk door.";
      await tab.evaluate(([title, text]) => (window as unknown as { __live: { edit(a: string, b: string): void } }).__live.edit(title!, text!), ["Drukte op de stranden houdt aan", correction]);
      s = await until(tab, "the edited moment", (x) => x.texts.includes(correction));
      expect(s.texts[s.texts.indexOf("20:55 Drukte op de stranden houdt aan") + 1], "in place: right after its heading").toBe(correction);
      expect(s.fresh, "the correction alone is a new node").toEqual([correction]);
      expectNoDuplicates(s);
      expectPlaceKept(s, place, "after an edit above it");

      // A framework's redraw: every node of the list new, the moments the same; one new moment comes with it.
      place = await tab.inView(markPlace, { index: -1, into: 0 });
      const shown = s;
      await tab.evaluate(() => {
        const live = (window as unknown as { __live: { rerender(): void; add(m: unknown[]): void } }).__live;
        live.rerender();
        live.add([{ time: "22:35", title: "Eerste regen valt in Limburg", paragraphs: ["In Maastricht valt de eerste regen van de week."] }]);
      }, undefined);
      s = await until(tab, "the moment added with the redraw", (x) => x.headings.length === shown.headings.length + 1);
      expect(s.headings.slice(1)).toEqual(shown.headings);
      expect(s.fresh, "a redraw of equal moments rebuilds nothing in the view").toEqual(["22:35 Eerste regen valt in Limburg", "In Maastricht valt de eerste regen van de week."]);
      expectNoDuplicates(s);
      expectPlaceKept(s, place, "after the page redrew its list");

      await tab.evaluate((title) => (window as unknown as { __live: { remove(a: string): void } }).__live.remove(title), "Treinen rijden langzamer door hitte");
      s = await until(tab, "the removed moment gone", (x) => !x.headings.includes("20:10 Treinen rijden langzamer door hitte"));
      expect(s.headings).toHaveLength(shown.headings.length);
      expect(s.texts.some((t) => t.startsWith("ProRail laat treinen"))).toBe(false);
      expectPlaceKept(s, place, "after a removal above it");

      s = await until(tab, "the notice of four new moments", (x) => /^(4 nieuwe berichten|4 new updates)$/.test(x.notice ?? ""));
      await clickKeeping(tab, 'button[data-action="live-new"]');
      s = await until(tab, "the jump to the new moments", (x) => x.focused !== null && x.focused.startsWith("22:35"));
      expect(s.notice).toBe("");

      await session.request(tab, { type: "leesrust:set-view", open: false });
      await waitFor("the view to close", () => tab.evaluate((id) => document.getElementById(id) === null, VIEW_HOST));
      await tab.close();
    });

    test("an oldest-first liveblog: new moments at the bottom, the notice leads to the first of them; the place within 2 px", async () => {
      const fixture = loadFixture("live-liveblog", E2E_PAGES_DIR);
      const tab = await session.open(fixture);
      await tab.evaluate(() => (window as unknown as { __live: { reset(o: string): void } }).__live.reset("oldest"), undefined);
      await expectOffered(session, tab, fixture);
      await openView(session, tab);
      const before = await until(tab, "the moments oldest first", (x) => x.headings[0]?.startsWith("15:00") === true);
      const place = await tab.inView(markPlace, { index: 8, into: 5 });

      await tab.evaluate(
        (moments) => (window as unknown as { __live: { add(m: unknown[]): void } }).__live.add(moments),
        [moment("21:50", "Onweer op komst in het zuiden"), moment("22:05", "Stroomstoring in Den Bosch")],
      );
      let s = await until(tab, "two new moments", (x) => x.headings.length === before.headings.length + 2);
      expect(s.headings.slice(-2).map((h) => h.slice(0, 5))).toEqual(["21:50", "22:05"]);
      expect(s.headings.slice(0, -2)).toEqual(before.headings);
      expectNoDuplicates(s);
      expectPlaceKept(s, place, "after two moments below it");
      s = await until(tab, "the notice of two new moments", (x) => /^(2 nieuwe berichten|2 new updates)$/.test(x.notice ?? ""));
      await clickKeeping(tab, 'button[data-action="live-new"]');
      s = await until(tab, "the jump to the first new moment", (x) => x.focused !== null && x.focused.startsWith("21:50"));
      await tab.close();
    });

    test("an article whose body changes: one line says so, and the update comes on the reader's click with the place kept", async () => {
      const { tab, before } = await openArticle();

      const corrected = "Wethouder Linda Voortman (Verkeer) spreekt van een belangrijke stap. In een eerdere versie stond dat zij van een historische stap sprak; dat is aangepast.";
      const late = "Correctie: de werkzaamheden beginnen niet na de zomer, maar na de kerstvakantie.";
      await tab.evaluate(([text, more]) => {
        const live = (window as unknown as { __live: { correct(i: number, t: string): void; append(t: string): void } }).__live;
        live.correct(1, text!);
        live.append(more!);
      }, [corrected, late]);
      let s = await until(tab, "the notice that the article changed", (x) => x.notice !== "");
      expect(s.notice).toMatch(/^(Dit artikel is bijgewerkt Bijwerken|This article has been updated Update)$/);
      expect(s.texts, "nothing changes before the reader asks").toEqual(before.texts);

      const place = await clickKeeping(tab, 'button[data-action="article-update"]', 6);
      s = await until(tab, "the updated article", (x) => x.texts.includes(late));
      expect(s.texts[1]).toBe(corrected);
      expect(s.texts.at(-1)).toBe(late);
      expect(s.texts).toHaveLength(before.texts.length + 1);
      expect(s.fresh).toEqual([corrected, late]);
      expectPlaceKept(s, place, "after the update");
      expect(s.notice).toBe("");
      await tab.close();
    });

    test("a headline the page lengthens: the view's header grows above the reader, the place kept", async () => {
      const { tab, before, place } = await openArticle();
      const title = "Biltstraat wordt autoluw: de auto is er voortaan te gast, fietsers en voetgangers krijgen de ruimte, en de bussen rijden er om";
      await tab.evaluate((text) => (window as unknown as { __live: { retitle(t: string): void } }).__live.retitle(text), title);
      const s = await until(tab, "the new headline", (x) => x.title === title);
      expect(s.texts, "the blocks stay as they were").toEqual(before.texts);
      expect(s.notice, "a headline alone needs no notice").toBe("");
      expectPlaceKept(s, place, "after the headline above it grew");
      await tab.close();
    });
  });
}

describeLiveIn("Chromium", () => ChromiumSession.launch({ language: "nl" }));
describeLiveIn("Firefox", () => FirefoxSession.launch());
