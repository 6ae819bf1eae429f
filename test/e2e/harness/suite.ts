/**
 * The end-to-end checks every supported browser must pass, registered once per browser.
 * One browser session runs the whole list (launching is the slow part), and the privacy
 * and console checks at the end cover everything that session did.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  clickInPopup,
  expectCloseRestores,
  expectConsentUntouched,
  expectNoExtensionProblems,
  expectNotOffered,
  expectOffered,
  expectPrivate,
  expectUntouched,
  expectViewShows,
  openView,
  readView,
  waitForPopup,
} from "./checks";
import { listFixtures, loadFixture, SEED, type Fixture } from "../../../scripts/lib/fixtures";
import { E2E_PAGES_DIR } from "./paths";
import { waitFor, type BrowserSession, type Tab } from "./session";

export type Launch = (options: { userDataDir?: string }) => Promise<BrowserSession>;

/** A second article on the seed's host, for the single-page navigation. */
const SPA_NEXT = "ad-current-stikstof";

const offering = () => listFixtures().filter((f) => f.expected.article !== null);
const notOffering = () => listFixtures().filter((f) => f.expected.article === null);
const label = (f: Fixture) => (f.expected.lateBody ? `${f.name} (body inserted after DOMContentLoaded)` : f.name);

export function describeExtensionIn(browserName: string, launch: Launch): void {
  describe(`${browserName}: the built extension`, () => {
    let session: BrowserSession;
    /** A page that mutates forever, open for the whole session: the content script must stop watching it. */
    let restless: Tab;
    let restlessSince = 0;
    beforeAll(async () => {
      session = await launch({});
      restless = await session.open(loadFixture("restless", E2E_PAGES_DIR));
      restlessSince = Date.now();
    });
    afterAll(async () => {
      await session?.close();
    });

    test("detects the seed page's placeholder and photo marker, and the badge shows the count", async () => {
      const seed = loadFixture(SEED);
      const tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      expect(await readView(tab), "no view before the reader asks").toBeNull();
      await tab.close();
    });

    test("the popup shows the counts, and its switch opens and closes the view on the article tab", async () => {
      const seed = loadFixture(SEED);
      const tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      const popup = await session.popup(tab);
      const shown = await waitForPopup(popup, "the tab's status", (s) => s.state === "available");
      const { placeholders, photoMarkers } = seed.expected.detected;
      expect(shown.summary).toMatch(new RegExp(`\\b${placeholders}\\b.*\\b${photoMarkers}\\b`));
      expect(shown.viewControlShown).toBe(true);
      expect(shown.viewChecked).toBe(false);

      await clickInPopup(popup, "view-toggle");
      await waitForPopup(popup, "switch on", (s) => s.state === "open" && s.viewChecked);
      expectViewShows(await waitFor("the view on the article tab", () => readView(tab)), seed);

      await clickInPopup(popup, "view-toggle");
      await waitForPopup(popup, "switch off", (s) => s.state === "available" && !s.viewChecked);
      await waitFor("the view to close", async () => (await readView(tab)) === null);
      await popup.close();
      await expectConsentUntouched(tab);
      await tab.close();
    });

    test.each(offering().map((f) => [label(f), f] as const))("%s: detected without touching the page, and the reading view shows the expected article", async (_, fixture) => {
      const tab = await session.open(fixture);
      await expectOffered(session, tab, fixture);
      await expectUntouched(session, tab, fixture);
      expectViewShows(await openView(session, tab), fixture);
      await expectConsentUntouched(tab);
      await tab.close();
    });

    test.each(notOffering().map((f) => [f.name, f] as const))("%s: must not trigger, and does not (page untouched, the popup says why)", async (_, fixture) => {
      const tab = await session.open(fixture);
      await expectNotOffered(session, tab, fixture);
      await expectUntouched(session, tab, fixture);
      const popup = await session.popup(tab);
      const shown = await waitForPopup(popup, "a settled state", (s) => s.state !== "loading");
      expect(shown.state).not.toMatch(/^(available|open)$/);
      expect(shown.viewControlShown, "a reading-view switch on a page without an article").toBe(false);
      expect(shown.message, "the popup says why there is nothing to read").not.toBe("");
      expect(shown.summary, "counts next to a page that is no article").toBe("");
      await popup.close();
      await expectConsentUntouched(tab);
      await tab.close();
    });

    test("a hostile page (sabotaged built-ins, script URLs, handlers, srcdoc, SVG script, endless rewrites): clean view, silent extension", async () => {
      const hostile = loadFixture("hostile", E2E_PAGES_DIR);
      const tab = await session.open(hostile);
      await expectOffered(session, tab, hostile);
      expectViewShows(await openView(session, tab), hostile);
      // The page keeps rewriting itself under the open view for a while.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await tab.press("Escape");
      await waitFor("the reading view to close", async () => (await readView(tab)) === null);
      await expectConsentUntouched(tab);
      await expectNoExtensionProblems(session);
      await tab.close();
    });

    test("the keyboard shortcut Alt+Shift+L is registered for the reading view", async () => {
      expect((await session.shortcuts())["toggle-reading-view"]).toBe("Alt+Shift+L");
    });

    test("the keyboard shortcut opens and closes the view (where the browser lets a test press it)", async (context) => {
      const press = session.pressShortcut?.bind(session);
      if (!press) return context.skip("headless Chromium gives a test no way to press a browser shortcut");
      const seed = loadFixture(SEED);
      const tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      await press(tab, "toggle-reading-view");
      expectViewShows(await waitFor("the view to open by the shortcut", () => readView(tab)), seed);
      await press(tab, "toggle-reading-view");
      await waitFor("the view to close by the shortcut", async () => (await readView(tab)) === null);
      await tab.close();
    });

    test("Escape closes the view and restores the page and its scroll position", async () => {
      const tab = await session.open(loadFixture(SEED));
      await expectCloseRestores(session, tab, () => tab.press("Escape"));
      await tab.close();
    });

    test("the close button closes the view and restores the page and its scroll position", async () => {
      const tab = await session.open(loadFixture(SEED));
      await expectCloseRestores(session, tab, () => tab.clickInView('button[data-action="close"]'));
      await tab.close();
    });

    test.each([
      ["retitles the page", true],
      ["leaves the head alone", false],
    ] as const)("a single-page navigation to another article (history API) that %s updates detection and the open view", async (_, retitle) => {
      const [first, next] = [loadFixture(SEED), loadFixture(SPA_NEXT)];
      expect(new URL(next.expected.url).origin).toBe(new URL(first.expected.url).origin);
      const tab = await session.open(first);
      await expectOffered(session, tab, first);
      await openView(session, tab);
      // As a client-side router does it: the address changes first, the new article renders a little later.
      await tab.evaluate(
        ({ html, url, retitle }) => {
          history.pushState({}, "", url);
          setTimeout(() => {
            const doc = new DOMParser().parseFromString(html, "text/html");
            if (retitle) {
              document.title = doc.title;
              document.head.replaceChildren(...Array.from(doc.head.childNodes, (n) => document.importNode(n, true)));
            }
            document.body.replaceWith(document.importNode(doc.body, true));
          }, 300);
        },
        { html: next.html, url: next.expected.url, retitle },
      );
      const view = await waitFor("the view to show the next article", async () => {
        const v = await readView(tab);
        return v?.title === next.expected.article?.title ? v : null;
      });
      expectViewShows(view, next);
      await expectOffered(session, tab, next);
      await tab.close();
    });

    test("a page that never stops mutating: the content script re-checked it a bounded number of times, then stopped", async () => {
      const read = () =>
        restless.evaluate(
          () => ({
            checks: performance.getEntriesByName("leesrust:detect").length,
            mutations: (window as unknown as { __e2eMutations: number }).__e2eMutations,
          }),
          undefined,
        );
      // The content script gives a restless page 10 s plus one last tick (page-watch.ts); by the end of a full run that is long past.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, restlessSince + 14_000 - Date.now())));
      const before = await read();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const after = await read();
      expect(after.mutations, "the page is still mutating").toBeGreaterThan(before.mutations);
      expect(before.checks, "the content script looked at the page").toBeGreaterThan(0);
      expect(before.checks, "re-checks of a page that never settles").toBeLessThanOrEqual(15);
      expect(after.checks, "re-checks after the watch should have ended").toBe(before.checks);
      expect(await session.badge(restless)).toBe("");
    });

    test("over the whole session: nothing sent to other hosts, no cookies, no errors from the extension", async () => {
      await expectNoExtensionProblems(session);
      await expectPrivate(session);
    });
  });

  describe(`${browserName}: "open automatically on this site"`, () => {
    let profile: string | undefined;
    let session: BrowserSession | undefined;
    afterAll(async () => {
      await session?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    test("survives a browser restart with the same profile: the view opens by itself", async () => {
      const seed = loadFixture(SEED);
      profile = mkdtempSync(join(tmpdir(), `leesrust-${browserName.toLowerCase()}-profile-`));
      session = await launch({ userDataDir: profile });
      let tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      const popup = await session.popup(tab);
      await waitForPopup(popup, "the tab's status", (s) => s.state === "available" && !s.autoOpen);
      await clickInPopup(popup, "auto-open");
      await waitForPopup(popup, "auto-open on", (s) => s.autoOpen);
      // Written to extension storage (key "settings", sync or local) before the browser goes down.
      await waitFor("the setting in extension storage", () =>
        popup.evaluate(async (host) => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          const stored = await Promise.all([api.storage.sync.get("settings").catch(() => ({})), api.storage.local.get("settings")]);
          return stored.some((area) => JSON.stringify(area).includes(`"${host}"`));
        }, new URL(seed.expected.url).hostname.replace(/^www\./, "")),
      );
      await popup.close();
      await tab.close();

      await session.restart();
      tab = await session.open(seed);
      expect((await expectOffered(session, tab, seed)).autoOpen, "the setting after the restart").toBe(true);
      expectViewShows(await waitFor("the view to open by itself after the restart", () => readView(tab)), seed);
      await expectNoExtensionProblems(session);
      await expectPrivate(session);
    });
  });
}
