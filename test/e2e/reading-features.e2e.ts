/**
 * The reading features in real browsers: a steady scrollbar through the 1 MB liveblog and its
 * jumps, the paywall note of a premium article (view and popup), and read aloud — with a
 * stand-in engine and voice list in Chromium (put into the content script's own world, where
 * the view finds `speechSynthesis`), and the player's message without a Dutch voice in Firefox.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectOffered, expectViewShows, openView, readView, waitForPopup } from "./harness/checks";
import { ChromiumSession, type ChromiumTab } from "./harness/chromium";
import { FirefoxSession } from "./harness/firefox";
import { waitFor, type BrowserSession, type Tab } from "./harness/session";
import { loadFixture } from "../../scripts/lib/fixtures";

/** Runs in the page: scrolls the view from top to bottom, nine tenths of a screen at a time, and records its scrollHeight at each stop. */
async function scrollThrough(root: ShadowRoot | null): Promise<{ heights: number[]; stops: number }> {
  const scroller = root?.querySelector<HTMLElement>(".lr-root");
  if (!scroller) return { heights: [], stops: 0 };
  const frames = (n: number) =>
    new Promise<void>((resolve) => {
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

async function expectSteadyScrollbar(session: BrowserSession, tab: Tab, where: string): Promise<void> {
  await openView(session, tab);
  const { heights, stops } = await tab.inView(scrollThrough, undefined);
  const [min, max] = [Math.min(...heights), Math.max(...heights)];
  console.log(`${session.browserName}, liveblog ${where}: scrollHeight ${min}–${max} px over ${stops} screens (${(((max - min) / max) * 100).toFixed(1)} %)`);
  expect(stops, "screens scrolled").toBeGreaterThan(20);
  expect((max - min) / max, `scrollHeight range ${min}–${max} px ${where}`).toBeLessThan(0.05);
  await session.request(tab, { type: "leesrust:set-view", open: false });
}

/** Runs in the page: where the liveblog's jumps lead. */
function afterJump(root: ShadowRoot | null) {
  const scroller = root?.querySelector<HTMLElement>(".lr-root");
  const focused = root?.activeElement as HTMLElement | null;
  return { scrollTop: scroller?.scrollTop ?? -1, focused: focused?.textContent ?? null, topShown: root?.querySelector<HTMLElement>(".lr-top")?.hidden === false };
}

function describeReadingFeaturesIn(browserName: string, launch: (options?: { marks?: boolean }) => Promise<BrowserSession>, more: (session: () => BrowserSession) => void = () => undefined) {
  describe(`${browserName}: reading features`, () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await launch();
    });
    afterAll(async () => {
      await session?.close();
    });

    test("the 1 MB liveblog: a steady scrollbar (scrollHeight within 5 % top to bottom), 'bijgewerkt', and jumps to the newest moment and back", async () => {
      const fixture = loadFixture("ad-current-liveblog-hittegolf-large");
      const tab = await session.open(fixture);
      await expectOffered(session, tab, fixture);
      await expectSteadyScrollbar(session, tab, "at the browser's size");

      await openView(session, tab);
      expect(await tab.inView((root) => root?.querySelector('time[data-field="updated"]')?.textContent ?? null, undefined)).toMatch(/^(bijgewerkt|updated) \d\d:58$/);
      await tab.inView((root) => root?.querySelector<HTMLElement>(".lr-root")?.scrollTo({ top: 20_000 }), undefined);
      await waitFor("the way back to the top", async () => (await tab.inView(afterJump, undefined)).topShown);
      await tab.clickInView('button[data-action="live-top"]');
      await waitFor("the top of the view", async () => (await tab.inView(afterJump, undefined)).scrollTop === 0);
      await tab.clickInView('button[data-action="live-newest"]');
      const jumped = await tab.inView(afterJump, undefined);
      expect(jumped.focused).toMatch(/^22:58 37 graden gemeten in Leeuwarden/);
      await tab.close();
    });

    test("a premium article: the view ends with a note that it continues for subscribers, linking back to the page; the popup says so", async () => {
      const fixture = loadFixture("pzc-current-premium-paywall");
      const tab = await session.open(fixture);
      expect((await expectOffered(session, tab, fixture)).paywall).toBe(true);
      const popup = await session.popup(tab);
      const shown = await waitForPopup(popup, "the tab's status", (s) => s.state === "available");
      expect(shown.message).toMatch(/abonnees|subscribers/);
      expect(shown.message).not.toMatch(/één stuk|one piece/);
      await popup.close();

      await openView(session, tab);
      const note = await tab.inView((root) => {
        const last = root?.querySelector("article")?.lastElementChild as HTMLElement | null;
        return { field: last?.dataset.field, text: last?.textContent ?? "", href: last?.querySelector("a")?.getAttribute("href") ?? null };
      }, undefined);
      expect(note.field).toBe("paywall");
      expect(note.text).toMatch(/gaat verder voor abonnees van PZC|continues for subscribers of PZC/);
      expect(note.href).toBe(fixture.expected.url);
      await tab.close();
    });

    test("an article with nothing blocked: nothing extracted at load, no badge; the keyboard shortcut opens its view", async () => {
      // The build with performance marks, which count the content script's steps (the shipped one records none).
      const marked = await launch({ marks: true });
      try {
        const fixture = loadFixture("ad-current-no-markers");
        const tab = await marked.open(fixture);
        const measures = (name: string) => tab.evaluate((n) => performance.getEntriesByName(n).length, name);
        await waitFor("the content script's look at the page", async () => (await measures("leesrust:detect")) > 0);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await measures("leesrust:extract"), "extractions before anyone asked").toBe(0);
        expect(await marked.badge(tab)).toBe("");
        // No public automation presses a browser shortcut: the toggle its command sends to the tab.
        await marked.request(tab, { type: "leesrust:toggle-view" });
        expectViewShows(await waitFor("the view to open", () => readView(tab)), fixture);
        expect(await marked.badge(tab), "badge with the view open").toBe("");
      } finally {
        await marked.close();
      }
    });

    more(() => session);
  });
}

/** A stand-in speech engine with two Dutch voices (one online) and an English one, in the content script's world. */
function installFakeSpeech(): void {
  class Utterance extends EventTarget {
    voice: unknown = null;
    lang = "";
    rate = 1;
    constructor(readonly text: string) {
      super();
    }
  }
  const voice = (name: string, lang: string, localService: boolean) => ({ name, lang, localService, voiceURI: `fake:${name}`, default: false });
  const spoken: { text: string; voice: string; rate: number }[] = [];
  const engine = Object.assign(new EventTarget(), {
    speaking: false,
    getVoices: () => [voice("Online Nederlands", "nl-NL", false), voice("Fake Samantha", "en-US", true), voice("Fake Xander", "nl-NL", true), voice("Fake Ellen", "nl-BE", true)],
    speak(u: Utterance) {
      spoken.push({ text: u.text, voice: (u.voice as { name: string } | null)?.name ?? "", rate: u.rate });
      setTimeout(() => u.dispatchEvent(new Event("end")), 400);
    },
    cancel() {},
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, "speechSynthesis", { value: engine, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  Object.defineProperty(window, "__fakeSpoken", { value: spoken, configurable: true });
}

const spokenSoFar = () => (window as unknown as { __fakeSpoken: { text: string; voice: string; rate: number }[] }).__fakeSpoken;

/** Runs in the page: the player as the reader sees it. */
function playerState(root: ShadowRoot | null) {
  const player = root?.querySelector<HTMLElement>("#lr-read-aloud");
  return {
    shown: player?.hidden === false,
    voices: Array.from(root?.querySelectorAll("[data-field='read-aloud-voice'] option") ?? [], (o) => o.textContent),
    note: root?.querySelector("[data-field='read-aloud-note']")?.textContent ?? "",
    playLabel: root?.querySelector("[data-action='read-aloud-play']")?.textContent ?? "",
    speaking: root?.querySelector(".lr-speaking")?.textContent ?? null,
    inView: (() => {
      const el = root?.querySelector(".lr-speaking");
      if (!el) return null;
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    })(),
  };
}

describeReadingFeaturesIn("Chromium", (options) => ChromiumSession.launch({ language: "nl", ...options }), (session) => {
  test("the reader's own Alt and Shift build the view ahead for the shortcut; the page's fake ones do not", async () => {
    // The build with marks: its warm-faces measure says the view was built ahead.
    const marked = await ChromiumSession.launch({ language: "nl", marks: true });
    try {
      const fixture = loadFixture("ad-seed-kandahar");
      const tab = await marked.open(fixture);
      // Not through the popup's status request, which builds the view ahead by itself.
      const measures = (name: string) => tab.evaluate((n) => performance.getEntriesByName(n).length, name);
      await waitFor("the content script's look at the page", async () => (await measures("leesrust:detect")) > 0);
      const builtAhead = () => measures("leesrust:warm-faces");
      const before = await builtAhead();
      await tab.evaluate(() => {
        for (const key of ["Alt", "Shift"]) document.dispatchEvent(new KeyboardEvent("keydown", { key, altKey: true, shiftKey: true, bubbles: true }));
      }, undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await builtAhead(), "after the page's own keydown events").toBe(before);
      await tab.page.keyboard.down("Alt");
      await tab.page.keyboard.down("Shift");
      await waitFor("the view built ahead", async () => (await builtAhead()) > before);
      await tab.page.keyboard.up("Shift");
      await tab.page.keyboard.up("Alt");
    } finally {
      await marked.close();
    }
  });

  test("read aloud with a stand-in voice list: Flemish voice on hln.be, from the paragraph the reader is at, highlighted and in view; pause and stop", async () => {
    const fixture = loadFixture("hln-current-e40-werken");
    const tab = (await session().open(fixture)) as ChromiumTab;
    await expectOffered(session(), tab, fixture);
    await openView(session(), tab);
    await tab.inContentScript(installFakeSpeech, undefined);

    await tab.clickInView('button[data-action="read-aloud"]');
    const player = await waitFor("the player with its voices", async () => {
      const s = await tab.inView(playerState, undefined);
      return s.shown && s.voices.length > 0 ? s : null;
    });
    expect(player.voices).toEqual(["Fake Ellen (nl-BE)", "Fake Xander (nl-NL)", "Online Nederlands (nl-NL), online"]);
    expect(player.note).toBe("");

    // The reader is at the third paragraph: reading starts there, not at the title.
    const third = await tab.inView((root) => {
      const p = root?.querySelectorAll<HTMLElement>('[data-block="paragraph"]')[2];
      const bar = root?.querySelector(".lr-bar")?.getBoundingClientRect().height ?? 0;
      root!.querySelector<HTMLElement>(".lr-root")!.scrollTop += p!.getBoundingClientRect().top - bar - 2;
      return p!.textContent ?? "";
    }, undefined);
    await tab.clickInView('button[data-action="read-aloud-play"]');
    const first = await waitFor("the first sentence", async () => (await tab.inContentScript(spokenSoFar, undefined))[0]);
    expect(third.startsWith(first.text), `"${first.text}" starts the third paragraph`).toBe(true);
    expect(first.voice).toBe("Fake Ellen");
    const reading = await tab.inView(playerState, undefined);
    expect(reading.speaking).toBe(first.text);
    expect(reading.inView).toBe(true);
    expect(reading.playLabel).toBe("Pauze");
    // The next sentence follows by itself, highlighted in its turn.
    const second = await waitFor("the next sentence", async () => (await tab.inContentScript(spokenSoFar, undefined))[1]);
    await waitFor("its highlight", async () => (await tab.inView(playerState, undefined)).speaking === second.text);

    await tab.clickInView('button[data-action="read-aloud-play"]');
    expect((await tab.inView(playerState, undefined)).playLabel).toBe("Lees voor");
    await tab.clickInView('button[data-action="read-aloud-stop"]');
    expect((await tab.inView(playerState, undefined)).speaking).toBeNull();
    await tab.close();
  });

  test("the liveblog's scrollbar stays steady on a phone too", async () => {
    const fixture = loadFixture("ad-current-liveblog-hittegolf-large");
    const tab = (await session().open(fixture)) as ChromiumTab;
    await expectOffered(session(), tab, fixture);
    await tab.page.setViewportSize({ width: 390, height: 844 });
    await expectSteadyScrollbar(session(), tab, "at 390x844");
    await tab.close();
  });
});

describeReadingFeaturesIn("Firefox", (options) => FirefoxSession.launch(options), (session) => {
  test("read aloud: the player opens and says plainly when no Dutch voice is there (headless Firefox has none)", async () => {
    const fixture = loadFixture("ad-seed-kandahar");
    const tab = await session().open(fixture);
    await expectOffered(session(), tab, fixture);
    await openView(session(), tab);
    await tab.clickInView('button[data-action="read-aloud"]');
    const player = await waitFor("the player's verdict", async () => {
      const s = await tab.inView(playerState, undefined);
      return s.shown && s.note ? s : null;
    });
    expect(player.note).toMatch(/Nederlandse stem|kan niet voorlezen|Dutch voice|cannot read aloud/);
    await tab.close();
  });
});
