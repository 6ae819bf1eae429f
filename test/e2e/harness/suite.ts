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
import {
  appliedSettings,
  expectOnlyAllowedRequests,
  lookalikes,
  lookFromPage,
  scriptClicksEverywhere,
  scrollThroughFigures,
  tracesInPage,
} from "./attack";
import { waitFor, type BrowserSession, type Tab } from "./session";
import type { Request } from "../../../src/shared/messages";
import { PRESS_STEP } from "../../../src/inject/view/settings-steps";

export type Launch = (options: { userDataDir?: string; marks?: boolean }) => Promise<BrowserSession>;

/** A second article on the seed's host, for the single-page navigation. */
const SPA_NEXT = "ad-current-stikstof";

const offering = () => listFixtures().filter((f) => f.expected.article !== null);
const notOffering = () => listFixtures().filter((f) => f.expected.article === null);
const label = (f: Fixture) => (f.expected.lateBody ? `${f.name} (body inserted after DOMContentLoaded)` : f.name);

export function describeExtensionIn(browserName: string, launch: Launch): void {
  describe(`${browserName}: the built extension`, () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await launch({});
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

    test("Firefox for Android's popup (its page in a new tab, made active after the article tab): the article's status, and its switch on the article tab", async () => {
      const [seed, other] = [loadFixture(SEED), loadFixture(SPA_NEXT)];
      // Two article tabs: the popup must take the one the reader came from, not just any.
      const otherTab = await session.open(other);
      await expectOffered(session, otherTab, other);
      const tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      const popup = await session.popupAsTab(tab);
      const own = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return (await api.tabs.getCurrent())?.active ?? null;
      }, undefined);
      expect(own, "the popup's own tab is the active one, as on Android").toBe(true);
      const shown = await waitForPopup(popup, "the article's status", (s) => s.state === "available");
      const { placeholders, photoMarkers } = seed.expected.detected;
      expect(shown.summary).toMatch(new RegExp(`\\b${placeholders}\\b.*\\b${photoMarkers}\\b`));

      const small = await popup.evaluate(
        () =>
          ["view-control", "view-toggle", "auto-control", "auto-open", "options-link"]
            .map((id) => [id, document.getElementById(id)!.getBoundingClientRect()] as const)
            .filter(([, box]) => box.height < 43.5 || box.width < 43.5)
            .map(([id, box]) => `${id} ${Math.round(box.width)}×${Math.round(box.height)}`),
        undefined,
      );
      expect(small, "popup controls under a 44 px touch target").toEqual([]);

      await clickInPopup(popup, "view-toggle");
      await waitForPopup(popup, "switch on", (s) => s.state === "open" && s.viewChecked);
      // The reader goes back to the article (on Android: closes the popup's tab).
      await popup.close();
      await tab.bringToFront();
      expectViewShows(await waitFor("the view on the article tab", () => readView(tab)), seed);
      expect(await readView(otherTab), "the other article tab").toBeNull();
      await tab.press("Escape");
      await waitFor("the view to close", async () => (await readView(tab)) === null);
      await otherTab.close();
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

    test("an attack page can neither see, steer nor betray the reader: images, view, settings, timeline, lookalike nodes", async () => {
      const attack = loadFixture("attack", E2E_PAGES_DIR);
      const from = session.site.requests.length;
      const tab = await session.open(attack);
      await expectOffered(session, tab, attack);
      const markup = await tab.evaluate(() => document.documentElement.outerHTML, undefined);
      const ownNodes = await tab.evaluate(lookalikes, undefined);
      expect(ownNodes, "the page's nodes with the view's ids").toHaveLength(2);

      // Figures whose addresses all point off DPG's image hosts keep caption and credit, no image;
      // the original-article link is the tab's address, not the page's canonical elsewhere.
      expectViewShows(await openView(session, tab), attack);
      const original = await tab.inView((root) => root?.querySelector('a[data-field="original"]')?.getAttribute("href") ?? null, undefined);
      expect(original).toBe(attack.expected.url);

      // The reader opens the settings panel (a real click), so its radios and steppers exist too.
      await tab.clickInView('button[data-action="settings"]');
      const settings = await tab.inView(appliedSettings, undefined);
      expect(await tab.inView(scriptClicksEverywhere, undefined), "controls clicked by script").toBeGreaterThan(10);
      await waitFor("the page's steering attempts", async () => (await tab.evaluate(lookFromPage, undefined)).steered >= 5);
      const look = await tab.evaluate(lookFromPage, undefined);
      expect(look.openRoots, "shadow roots the page can open").toEqual([]);
      expect(look.viewTextSeen, "view text in the page's DOM").toBe(false);
      expect(look.attachShadowCalls, "calls through the page's attachShadow").toBe(0);
      expect(look.keyListeners, "key listeners registered through the page's addEventListener").toBe(0);
      expect(await tab.inView(appliedSettings, undefined), "settings after script clicks and dispatched keys").toBe(settings);
      expect((await session.request(tab, { type: "leesrust:get-status" }))?.state, "the view after script clicks and Escape").toBe("open");

      // Scrolling brings the lazy images below the fold in; then the reader closes the view with Escape (panel first).
      expect(await tab.inView(scrollThroughFigures, undefined)).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 800));
      await tab.press("Escape");
      await tab.press("Escape");
      await waitFor("the view to close", async () => (await readView(tab)) === null && (await tab.inView((root) => root === null, undefined)));

      expect(await tab.evaluate(lookalikes, undefined), "the page's lookalike nodes after open and close").toEqual(ownNodes);
      expect((await tab.evaluate(() => document.documentElement.outerHTML, undefined)) === markup, "the page's markup after close").toBe(true);
      expect(await tab.evaluate(tracesInPage, undefined), "what the page's timeline and cookies show").toEqual({ observed: [], timeline: [], cookie: "" });
      const requested = expectOnlyAllowedRequests(session, from);
      // The view does load the images it may: the check above is not vacuous.
      for (const image of ["kade-oost.jpg", "kade-eind.jpg"]) expect(requested.some((url) => url.endsWith(`/e2e-attack/${image}`)), image).toBe(true);
      expect(await session.cookies()).toEqual([]);
      await tab.close();
    });

    test("the content script answers only well-formed requests: malformed ones get no answer and change nothing", async () => {
      const seed = loadFixture(SEED);
      const tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      const malformed = [
        { type: "leesrust:set-view", open: "true" },
        { type: "leesrust:set-view", open: true, extra: 1 },
        { type: "leesrust:toggle-view", open: true },
        { type: "leesrust:set-auto-open", enabled: 1 },
        { type: "leesrust:status", status: {} },
      ];
      for (const message of malformed) {
        expect(await session.request(tab, message as unknown as Request), JSON.stringify(message)).toBeNull();
      }
      expect(await readView(tab), "the view after malformed requests").toBeNull();
      expect(await session.request(tab, { type: "leesrust:get-status" })).toMatchObject({ state: "available", autoOpen: false });
      await tab.close();
    });

    test("no content script on a plain-http copy of a DPG page (https only)", async () => {
      const seed = loadFixture(SEED);
      // On a DPG title no other test serves (the test site answers every address on a host it serves).
      const tab = await session.open(seed, "http://www.margriet.nl/e2e/http-copy~a0e2e0d4/");
      expect(await tab.evaluate(() => location.protocol, undefined), "the page came over plain http").toBe("http:");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await session.request(tab, { type: "leesrust:get-status" })).toBeNull();
      expect(await session.badge(tab)).toBe("");
      await tab.close();
    });

    test("the keyboard shortcut Alt+Shift+L is registered for the reading view", async () => {
      expect((await session.shortcuts())["toggle-reading-view"]).toBe("Alt+Shift+L");
    });

    // No public automation presses a browser shortcut: CDP and WebDriver BiDi key input goes to the
    // page, not to the browser's key bindings. The next best fact: the message the shortcut's
    // command sends to the active tab (background.ts, unit-tested) opens and closes the view.
    test("the shortcut's toggle, sent to the active tab as the command does, opens and closes the view", async () => {
      const seed = loadFixture(SEED);
      const tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      await session.request(tab, { type: "leesrust:toggle-view" });
      expectViewShows(await waitFor("the view to open by the toggle", () => readView(tab)), seed);
      await session.request(tab, { type: "leesrust:toggle-view" });
      await waitFor("the view to close by the toggle", async () => (await readView(tab)) === null);
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

    test("nothing lost when the tab closes: a text size changed in the view, the tab closed at once, is there when the article opens again", async () => {
      const seed = loadFixture(SEED);
      const size = (tab: Tab) => tab.inView((root) => root?.querySelector<HTMLElement>(".lr-root")?.style.getPropertyValue("--lr-size") ?? null, undefined);
      let tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      await openView(session, tab);
      await tab.clickInView('button[data-action="settings"]');
      const before = Number.parseFloat((await size(tab)) ?? "");
      await tab.clickInView('button[data-action="size-up"]');
      const clicked = Date.now();
      const closing = tab.close();
      // When the close goes out, not when the browser has finished it: that is the machine's pace.
      const closedAfter = Date.now() - clicked;
      await closing;
      expect(closedAfter, "the tab closed within 200 ms of the change").toBeLessThan(200);

      tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      await openView(session, tab);
      expect(await size(tab), "the text size in the view of the reopened article").toBe(`${before + PRESS_STEP.size}px`);
      // Back to the size the other tests expect, stored before the tab goes.
      await tab.clickInView('button[data-action="settings"]');
      await tab.clickInView('button[data-action="size-down"]');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tab.close();
    });

    test("nothing lost when the tab closes: 'always open' switched on in the popup, popup and tab closed at once, holds when the article opens again", async () => {
      const seed = loadFixture(SEED);
      let tab = await session.open(seed);
      await expectOffered(session, tab, seed);
      const popup = await session.popup(tab);
      await waitForPopup(popup, "the tab's status", (s) => s.state === "available" && !s.autoOpen);
      await clickInPopup(popup, "auto-open");
      const clicked = Date.now();
      const closing = Promise.all([popup.close(), tab.close()]);
      const closedAfter = Date.now() - clicked;
      await closing;
      expect(closedAfter, "popup and tab closed within 200 ms of the change").toBeLessThan(200);

      tab = await session.open(seed);
      expect((await expectOffered(session, tab, seed)).autoOpen, "'always open' after reopening").toBe(true);
      await waitFor("the view to open by itself", () => readView(tab));
      // Off again, for the tests that follow.
      expect((await session.request(tab, { type: "leesrust:set-auto-open", enabled: false }))?.autoOpen).toBe(false);
      await tab.close();
    });

    test("over the whole session: nothing sent to other hosts, no cookies, no errors from the extension", async () => {
      await expectNoExtensionProblems(session);
      await expectPrivate(session);
    });
  });

  describe(`${browserName}: a page that never stops mutating (the build with performance marks, which count the re-checks)`, () => {
    let session: BrowserSession;
    let restless: Tab;
    let restlessSince = 0;
    beforeAll(async () => {
      session = await launch({ marks: true });
      restless = await session.open(loadFixture("restless", E2E_PAGES_DIR));
      restlessSince = Date.now();
    });
    afterAll(async () => {
      await session?.close();
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
      // The content script gives a restless page 10 s plus one last tick (page-watch.ts).
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

    test("a view the reader closed stays closed when the page moves to another article with the history API", async () => {
      if (!session) throw new Error("needs the session of the test before");
      const [first, next] = [loadFixture(SEED), loadFixture(SPA_NEXT)];
      const tab = await session.open(first);
      await waitFor("the view to open by itself", () => readView(tab));
      await tab.press("Escape");
      await waitFor("the view to close", async () => (await readView(tab)) === null);
      await tab.evaluate(
        ({ html, url }) => {
          history.pushState({}, "", url);
          document.body.replaceWith(document.importNode(new DOMParser().parseFromString(html, "text/html").body, true));
        },
        { html: next.html, url: next.expected.url },
      );
      // The new article is detected (so the content script did look), and the view stays closed.
      await expectOffered(session, tab, next);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await readView(tab), "the view after the page's pushState").toBeNull();
      expect((await session.request(tab, { type: "leesrust:get-status" }))?.state).toBe("available");
      await tab.close();
    });
  });
}
