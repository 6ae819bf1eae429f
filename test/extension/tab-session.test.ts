import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Article } from "../../src/core/index";
import type { TabStatus } from "../../src/shared/messages";
import { DEFAULT_SETTINGS, type Settings } from "../../src/shared/settings";
import { loadSettings, resetSettingsStore } from "../../src/shared/settings-store";
import { assessPage } from "../../src/inject/assess-page";
import { PHRASES } from "../../src/core/site-rules";
import { TabSession } from "../../src/inject/tab-session";
import type { ReadingViewOptions } from "../../src/inject/view/index";
import type { ViewSettings } from "../../src/shared/settings";
import { JSDOM } from "jsdom";
import { clearStorage, fixtureWindow } from "./helpers";

/** A stand-in for the view module that records what it was asked to build and to show. */
function fakeView({ warmFails = false } = {}) {
  const prepared: { article: Article; options: ReadingViewOptions; warmed: number }[] = [];
  const opened: { article: Article; options: ReadingViewOptions; settings: ViewSettings; close: ReturnType<typeof vi.fn>; update: ReturnType<typeof vi.fn>; refresh: ReturnType<typeof vi.fn> }[] = [];
  const prepareView = vi.fn((article: Article, options: ReadingViewOptions) => {
    const entry = { article, options, warmed: 0 };
    prepared.push(entry);
    return {
      warm() {
        entry.warmed += 1;
        if (warmFails) throw new Error("no canvas");
      },
      open(settings: ViewSettings) {
        const handle = { close: vi.fn(), update: vi.fn(), refresh: vi.fn() };
        opened.push({ article, options, settings, ...handle });
        return handle;
      },
    };
  });
  return { prepared, opened, prepareView };
}

/** Lets the timers that run after an answer (the view built ahead) run. */
const afterAnswer = () => new Promise((resolve) => setTimeout(resolve, 0));

function session(fixture: string, settings: Settings = DEFAULT_SETTINGS) {
  const win = fixtureWindow(fixture);
  const view = fakeView();
  const reports: TabStatus[] = [];
  const tab = new TabSession(
    { doc: win.document, assess: assessPage, prepareView: view.prepareView, t: (key) => key, report: (s) => reports.push(s) },
    settings,
  );
  return { win, view, reports, tab };
}

beforeEach(async () => {
  resetSettingsStore();
  await clearStorage();
});

describe("TabSession on the seed article", () => {
  it("offers the reading view with the page's counts and changes nothing on the page", async () => {
    const { win, tab, view } = session("ad-seed-kandahar");
    const before = win.document.documentElement.outerHTML;
    expect(await tab.handle({ type: "leesrust:get-status" })).toEqual({
      state: "available",
      placeholders: 1,
      photoMarkers: 1,
      host: "ad.nl",
      site: "AD",
      autoOpen: false,
    });
    await afterAnswer();
    expect(view.opened).toHaveLength(0);
    expect(win.document.documentElement.outerHTML).toBe(before);
  });

  it("opens, toggles and closes the view on request, and reports each change once", async () => {
    const { tab, view, reports } = session("ad-seed-kandahar");
    expect((await tab.handle({ type: "leesrust:set-view", open: true })).state).toBe("open");
    expect(view.opened).toHaveLength(1);
    expect(view.opened[0]!.article.title).toMatch(/^Taliban nemen ook Kandahar in/);
    expect(view.opened[0]!.options.originalUrl).toMatch(/^https:\/\/www\.ad\.nl\//);
    expect(view.opened[0]!.options.settings).toEqual(DEFAULT_SETTINGS.view);

    expect((await tab.handle({ type: "leesrust:set-view", open: true })).state).toBe("open");
    expect(view.opened).toHaveLength(1);

    expect((await tab.handle({ type: "leesrust:toggle-view" })).state).toBe("available");
    expect(view.opened[0]!.close).toHaveBeenCalledTimes(1);
    expect(reports.map((r) => r.state)).toEqual(["open", "available"]);
  });

  it("goes back to available when the reader closes the view", async () => {
    const { tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:toggle-view" });
    view.opened[0]!.options.onClose();
    expect(tab.status().state).toBe("available");
  });

  it("stores 'open automatically' for the site and reports it", async () => {
    const { tab } = session("ad-seed-kandahar");
    expect((await tab.handle({ type: "leesrust:set-auto-open", enabled: true })).autoOpen).toBe(true);
    expect((await loadSettings()).autoOpenSites).toEqual(["ad.nl"]);
    expect((await tab.handle({ type: "leesrust:set-auto-open", enabled: false })).autoOpen).toBe(false);
    expect((await loadSettings()).autoOpenSites).toEqual([]);
  });

  it("writes 'open automatically' within the message, with no read first: a tab closed at once loses nothing", async () => {
    const { tab } = session("ad-seed-kandahar");
    const browser = (await import("webextension-polyfill")).default;
    const set = vi.spyOn(browser.storage.local, "set");
    const get = vi.spyOn(browser.storage.local, "get");
    void tab.handle({ type: "leesrust:set-auto-open", enabled: true });
    // Synchronously, as the message arrives: nothing awaited before the write left.
    expect(set).toHaveBeenCalledTimes(1);
    expect(get).not.toHaveBeenCalled();
    expect(set.mock.calls[0]![0]).toMatchObject({ settings: { autoOpenSites: ["ad.nl"] } });
    set.mockRestore();
    get.mockRestore();
  });

  it("opens by itself on an auto-open site, but not again after the reader closed it", async () => {
    const { tab, view } = session("ad-seed-kandahar", { ...DEFAULT_SETTINGS, autoOpenSites: ["ad.nl"] });
    await tab.autoOpen();
    expect(tab.status().state).toBe("open");
    view.opened[0]!.options.onClose();
    await tab.reassess();
    expect(view.opened).toHaveLength(1);
  });

  it("stays closed after the reader closed it, through the page's history navigations, until the reader opens it", async () => {
    const { win, tab, view } = session("ad-seed-kandahar", { ...DEFAULT_SETTINGS, autoOpenSites: ["ad.nl"] });
    await tab.autoOpen();
    expect((await tab.handle({ type: "leesrust:set-view", open: false })).state).toBe("available");
    for (const path of ["/binnenland/ander-artikel~a2/", "/buitenland/nog-een~a3/"]) {
      win.history.pushState({}, "", path);
      await tab.reassess();
      expect(tab.status().state, `after pushState to ${path}`).toBe("available");
    }
    expect(view.opened).toHaveLength(1);
    expect((await tab.handle({ type: "leesrust:toggle-view" })).state).toBe("open");
    view.opened[1]!.options.onClose();
    win.history.pushState({}, "", "/binnenland/derde~a4/");
    await tab.reassess();
    expect(view.opened, "closed with the view's own button: the same").toHaveLength(2);
  });

  it("stores 'open automatically' before it reads the page: the tab may close before the answer", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    const tab = new TabSession(
      // An extraction that never ends: the tab closes while the page is still being read.
      { doc: win.document, assess: () => new Promise<never>(() => undefined), prepareView: fakeView().prepareView, t: (key) => key, report: () => undefined },
      DEFAULT_SETTINGS,
    );
    void tab.handle({ type: "leesrust:set-auto-open", enabled: true });
    await vi.waitFor(async () => expect((await loadSettings()).autoOpenSites).toEqual(["ad.nl"]));
  });

  it("passes view settings changes on to an open view and stores the view's own changes", async () => {
    const { tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:set-view", open: true });
    const dark = { ...DEFAULT_SETTINGS.view, theme: "dark" as const };
    tab.settingsChanged({ ...DEFAULT_SETTINGS, view: dark });
    expect(view.opened[0]!.update).toHaveBeenCalledWith(dark);

    view.opened[0]!.options.onSettingsChange({ ...dark, size: 24 });
    await vi.waitFor(async () => expect((await loadSettings()).view.size).toBe(24));
  });

  it("keeps the reader's newest change on screen while storage echoes an older one", async () => {
    const { tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:set-view", open: true });
    const options = view.opened[0]!.options;
    void options.onSettingsChange({ ...DEFAULT_SETTINGS.view, size: 21 });
    void options.onSettingsChange({ ...DEFAULT_SETTINGS.view, size: 22 });
    // An echo of an earlier write, from storage, while size 22 is still to be stored.
    tab.settingsChanged({ ...DEFAULT_SETTINGS, view: { ...DEFAULT_SETTINGS.view, size: 21 }, autoOpenSites: ["ad.nl"] });
    expect(view.opened[0]!.update).not.toHaveBeenCalled();
    expect(tab.status().autoOpen, "the rest of the change is taken").toBe(true);
    await vi.waitFor(async () => expect((await loadSettings()).view.size).toBe(22));
  });

  it("closes the view when a history navigation leads to a page without an article", async () => {
    const { win, tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:set-view", open: true });
    win.document.body.replaceChildren(win.document.createElement("main"));
    win.history.pushState({}, "", "/sport/overzicht");
    await tab.reassess();
    expect(view.opened[0]!.close).toHaveBeenCalled();
    expect(tab.status()).toMatchObject({ state: "idle", placeholders: 0 });
  });

  it("shows the new article when a history navigation leads to another one", async () => {
    const { win, tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:set-view", open: true });
    const other = fixtureWindow("ad-current-stikstof").document;
    win.document.body.replaceWith(win.document.importNode(other.body, true));
    win.history.pushState({}, "", "/politiek/stikstof~a1/");
    await tab.reassess();
    expect(view.opened).toHaveLength(2);
    expect(view.opened[1]!.article.title).not.toBe(view.opened[0]!.article.title);
    expect(tab.status().state).toBe("open");
  });
});

describe("TabSession with a view that loads slowly", () => {
  it("never shows a view that arrives after the reader already switched it off", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    const open = vi.fn(() => ({ close: vi.fn(), update: vi.fn(), refresh: vi.fn() }));
    let deliver: (() => void) | null = null;
    const tab = new TabSession(
      {
        doc: win.document,
        assess: assessPage,
        prepareView: () => new Promise((resolve) => (deliver = () => resolve({ open, warm: vi.fn() }))),
        t: (key) => key,
        report: () => undefined,
      },
      DEFAULT_SETTINGS,
    );
    const opening = tab.handle({ type: "leesrust:set-view", open: true });
    await vi.waitFor(() => expect(deliver).not.toBeNull());
    expect((await tab.handle({ type: "leesrust:toggle-view" })).state).toBe("available");
    deliver!();
    expect((await opening).state).toBe("available");
    expect(open).not.toHaveBeenCalled();
  });
});

describe("TabSession while the popup is open", () => {
  it("builds the view ahead after answering the popup, and its switch shows that view with the settings of that moment", async () => {
    const { tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:get-status" });
    expect(view.prepared).toHaveLength(0);
    await afterAnswer();
    expect(view.prepared).toHaveLength(1);
    expect(view.prepared[0]!.warmed).toBe(1);
    expect(view.opened).toHaveLength(0);
    tab.settingsChanged({ ...DEFAULT_SETTINGS, view: { ...DEFAULT_SETTINGS.view, font: "sans" } });
    expect((await tab.handle({ type: "leesrust:set-view", open: true })).state).toBe("open");
    expect(view.prepared).toHaveLength(1);
    expect(view.opened).toHaveLength(1);
    expect(view.opened[0]!.settings.font).toBe("sans");
  });

  it("builds once for a popup opened twice, and builds afresh once the page has changed", async () => {
    const { win, tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:get-status" });
    await tab.handle({ type: "leesrust:get-status" });
    await afterAnswer();
    expect(view.prepared).toHaveLength(1);
    win.document.querySelector("h1")!.textContent = "Kandahar gevallen";
    await tab.reassess();
    await tab.handle({ type: "leesrust:set-view", open: true });
    expect(view.prepared).toHaveLength(2);
    expect(view.opened[0]!.article.title).toBe("Kandahar gevallen");
  });

  it("readies the faces only of a view built ahead, and opens it when that fails", async () => {
    const cold = session("ad-seed-kandahar");
    expect((await cold.tab.handle({ type: "leesrust:toggle-view" })).state).toBe("open");
    expect(cold.view.prepared[0]!.warmed).toBe(0);

    const win = fixtureWindow("ad-seed-kandahar");
    const view = fakeView({ warmFails: true });
    const tab = new TabSession(
      { doc: win.document, assess: assessPage, prepareView: view.prepareView, t: (key) => key, report: () => undefined },
      DEFAULT_SETTINGS,
    );
    await tab.handle({ type: "leesrust:get-status" });
    await afterAnswer();
    expect(view.prepared[0]!.warmed).toBe(1);
    expect((await tab.handle({ type: "leesrust:set-view", open: true })).state).toBe("open");
    expect(view.prepared).toHaveLength(1);
    expect(view.opened).toHaveLength(1);
  });

  it("drops a build ahead that failed, and builds the view again on the switch", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    const view = fakeView();
    let builds = 0;
    const tab = new TabSession(
      {
        doc: win.document,
        assess: assessPage,
        prepareView: (article, options) => {
          builds += 1;
          if (builds === 1) throw new Error("view bug");
          return view.prepareView(article, options);
        },
        t: (key) => key,
        report: () => undefined,
      },
      DEFAULT_SETTINGS,
    );
    await tab.handle({ type: "leesrust:get-status" });
    await afterAnswer();
    expect((await tab.handle({ type: "leesrust:set-view", open: true })).state).toBe("open");
    expect(builds).toBe(2);
    expect(view.opened).toHaveLength(1);
  });

  it("builds nothing ahead on a page without an article or with the view already open", async () => {
    const idle = session("ad-section-binnenland");
    await idle.tab.handle({ type: "leesrust:get-status" });
    await afterAnswer();
    expect(idle.view.prepared).toHaveLength(0);

    const { tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:set-view", open: true });
    await tab.handle({ type: "leesrust:get-status" });
    await afterAnswer();
    expect(view.prepared).toHaveLength(1);
  });
});

describe("TabSession with a slow reader module", () => {
  it("does not let a late extraction overwrite a newer look at the page", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    let finish: (() => void) | null = null;
    const tab = new TabSession(
      {
        doc: win.document,
        assess: (doc, href) => new Promise((resolve) => (finish = () => resolve(assessPage(doc, href)))),
        prepareView: fakeView().prepareView,
        t: (key) => key,
        report: () => undefined,
      },
      DEFAULT_SETTINGS,
    );
    const asking = tab.handle({ type: "leesrust:get-status" });
    await vi.waitFor(() => expect(finish).not.toBeNull());
    // A history navigation to a page without markers, before the extraction of the old one arrives.
    win.document.body.replaceChildren();
    win.history.pushState({}, "", "/sport/");
    await tab.reassess();
    finish!();
    expect(await asking).toMatchObject({ state: "idle", placeholders: 0 });
  });
});

describe("TabSession when the reader module cannot load", () => {
  it("reports the page as unsupported instead of failing", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    const tab = new TabSession(
      {
        doc: win.document,
        assess: () => Promise.reject(new Error("import failed")),
        prepareView: fakeView().prepareView,
        t: (key) => key,
        report: () => undefined,
      },
      DEFAULT_SETTINGS,
    );
    expect(await tab.handle({ type: "leesrust:toggle-view" })).toMatchObject({ state: "unsupported", reason: "reader: import failed" });
    await expect(tab.reassess()).resolves.toBeUndefined();
  });
});

describe("TabSession with a failing view", () => {
  it("keeps its state right and throws nothing when the view fails to close or update", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    const broken = () => {
      throw new Error("view bug");
    };
    const tab = new TabSession(
      { doc: win.document, assess: assessPage, prepareView: () => ({ warm: broken, open: () => ({ close: broken, update: broken, refresh: broken }) }), t: (k) => k, report: () => undefined },
      DEFAULT_SETTINGS,
    );
    await tab.handle({ type: "leesrust:set-view", open: true });
    expect(() => tab.settingsChanged({ ...DEFAULT_SETTINGS, view: { ...DEFAULT_SETTINGS.view, font: "sans" } })).not.toThrow();
    expect((await tab.handle({ type: "leesrust:set-view", open: false })).state).toBe("available");
  });
});

describe("TabSession at page load", () => {
  it("only detects until someone asks, then extracts once", async () => {
    const { tab } = session("ad-seed-kandahar");
    const before = performance.getEntriesByName("leesrust:extract").length;
    expect(tab.status()).toMatchObject({ state: "available", placeholders: 1, photoMarkers: 1 });
    expect(performance.getEntriesByName("leesrust:extract").length).toBe(before);
    await tab.handle({ type: "leesrust:get-status" });
    await tab.handle({ type: "leesrust:get-status" });
    expect(performance.getEntriesByName("leesrust:extract").length).toBe(before + 1);
  });

  it("turns a find that is no article into 'idle' once asked, and the badge's report with it", async () => {
    // An article root (so the glance offers the find) that holds no article text.
    const win = new JSDOM('<!doctype html><title>x</title><body><article id="article-content"><div>Tekst gaat verder onder de foto.</div></article></body>', {
      url: "https://www.ad.nl/nieuws/leeg~a1/",
    }).window;
    const reports: TabStatus[] = [];
    const tab = new TabSession({ doc: win.document, assess: assessPage, prepareView: fakeView().prepareView, t: (k) => k, report: (r) => reports.push(r) }, DEFAULT_SETTINGS);
    expect(tab.status().state).toBe("available");
    const status = await tab.handle({ type: "leesrust:toggle-view" });
    expect(status.state).toBe("idle");
    expect(status.reason).toBeTruthy();
    expect(reports.at(-1)?.state).toBe("idle");
  });
});

describe("TabSession on an article with nothing blocked", () => {
  it("extracts nothing at load, and offers and opens the view once asked", async () => {
    const assess = vi.fn(assessPage);
    const win = fixtureWindow("ad-current-no-markers");
    const view = fakeView();
    const reports: TabStatus[] = [];
    const tab = new TabSession({ doc: win.document, assess, prepareView: view.prepareView, t: (k) => k, report: (s) => reports.push(s) }, DEFAULT_SETTINGS);
    await tab.autoOpen();
    expect(tab.status()).toMatchObject({ state: "idle", placeholders: 0, photoMarkers: 0 });
    expect(tab.found).toBe(false);
    expect(assess).not.toHaveBeenCalled();

    expect(await tab.handle({ type: "leesrust:get-status" })).toMatchObject({ state: "available", placeholders: 0, photoMarkers: 0 });
    expect(assess).toHaveBeenCalledTimes(1);
    expect((await tab.handle({ type: "leesrust:toggle-view" })).state).toBe("open");
    expect(view.opened[0]!.article.title).toBe("Benzineprijs daalt voor derde week op rij");
  });

  it("opens by itself where the reader asked for that on the site", async () => {
    const { tab, view } = session("ad-current-no-markers", { ...DEFAULT_SETTINGS, autoOpenSites: ["ad.nl"] });
    await tab.autoOpen();
    expect(tab.status().state).toBe("open");
    expect(view.opened).toHaveLength(1);
  });
});

describe("TabSession on pages without an offer", () => {
  it("is idle on a section front, and reports its blocked widget to nobody as a find to read", async () => {
    const { tab } = session("ad-section-binnenland");
    expect(await tab.handle({ type: "leesrust:toggle-view" })).toMatchObject({ state: "idle", placeholders: 1, reason: "no article body found" });
  });

  it("says a premium article's view holds only the free part", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    const paywalled = (doc: Document, href: string) => {
      const assessed = assessPage(doc, href);
      return { ...assessed, article: assessed.article && { ...assessed.article, paywall: true } };
    };
    const tab = new TabSession({ doc: win.document, assess: paywalled, prepareView: fakeView().prepareView, t: (k) => k, report: () => undefined }, DEFAULT_SETTINGS);
    expect(await tab.handle({ type: "leesrust:get-status" })).toMatchObject({ state: "available", paywall: true });
  });

  it("says the view is a best effort on a layout no template family knows", async () => {
    const html = `<!DOCTYPE html><html lang="nl"><head><title>x</title><meta property="og:type" content="article"></head><body>
      <div><div><span>Menu</span></div><div><div><h1>Een kop die nergens op lijkt</h1><p>De inleiding.</p></div>
      <div><p>Eerste alinea van het stuk, met genoeg tekst om het lichaam te zijn.</p><p>${PHRASES.photoMarker[0]}</p>
      <p>Tweede alinea van het stuk.</p><div>Onze excuses. ${PHRASES.placeholder[0]}</div><p>Derde alinea.</p></div></div></div></body></html>`;
    const win = new JSDOM(html, { url: "https://www.ad.nl/binnenland/een-kop~a1b2c3d4/" }).window;
    const tab = new TabSession({ doc: win.document, assess: assessPage, prepareView: fakeView().prepareView, t: (k) => k, report: () => undefined }, DEFAULT_SETTINGS);
    expect(await tab.handle({ type: "leesrust:get-status" })).toMatchObject({ state: "available", bestEffort: true });
    const known = session("ad-seed-kandahar").tab;
    expect(await known.handle({ type: "leesrust:get-status" })).not.toHaveProperty("bestEffort");
  });

  it("leaves the page alone and says why when the view cannot be built", async () => {
    const win = fixtureWindow("ad-seed-kandahar");
    const tab = new TabSession(
      {
        doc: win.document,
        assess: assessPage,
        prepareView: () => {
          throw new Error("no shadow DOM");
        },
        t: (key) => key,
        report: () => undefined,
      },
      DEFAULT_SETTINGS,
    );
    expect(await tab.handle({ type: "leesrust:set-view", open: true })).toMatchObject({
      state: "unsupported",
      reason: "view: no shadow DOM",
    });
  });
});

describe("TabSession following the page under an open view", () => {
  it("hands the view the page's new reading at the same address instead of opening it again, and follows the page's own mutations", async () => {
    const { win, tab, view } = session("ad-seed-kandahar");
    await tab.handle({ type: "leesrust:set-view", open: true });
    const shown = view.opened[0]!.article.blocks.find((b) => b.type === "paragraph")!;
    const body = () => [...win.document.querySelectorAll("p")].find((p) => p.textContent === (shown as { text: string }).text || p.textContent?.startsWith("Een correctie"))!;
    body().textContent = "Een correctie van de redactie.";
    await tab.reassess();
    expect(view.opened).toHaveLength(1);
    expect(view.opened[0]!.close).not.toHaveBeenCalled();
    expect(view.opened[0]!.refresh).toHaveBeenCalledTimes(1);
    const article = view.opened[0]!.refresh.mock.calls[0]![0] as Article;
    expect(article.blocks.some((b) => "text" in b && b.text === "Een correctie van de redactie.")).toBe(true);

    // The page's own change, seen by the watch the open view keeps (one read a second at most).
    body().textContent = "Een correctie van de redactie, nogmaals.";
    await vi.waitFor(() => expect(view.opened[0]!.refresh).toHaveBeenCalledTimes(2), { timeout: 3000 });
    expect(tab.status().state).toBe("open");
  });
});
