// @vitest-environment-options {"url": "https://www.ad.nl/buitenland/taliban-nemen-ook-kandahar-in-amerikanen-sturen-troepen-voor-evacuatie-ambassade~a3f8c1d2/"}
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Request, StatusReport, TabStatus } from "../../src/shared/messages";
import { loadFixture } from "../../scripts/lib/fixtures";
import { ROOT } from "./helpers";

const view = vi.hoisted(() => ({ open: vi.fn(), close: vi.fn(), update: vi.fn() }));
vi.mock("../../src/inject/view/index", () => ({
  prepareReadingView: (...args: unknown[]) => ({
    warm: () => undefined,
    open: (settings: unknown) => {
      view.open(...args, settings);
      return { close: view.close, update: view.update };
    },
  }),
}));

type Mock = typeof import("../../test/mocks/webextension-polyfill").default;

// The content script imports reader.js from the extension's own URL; here that is its source, whose
// view part vi.mock above replaces.
(globalThis as unknown as { chrome: unknown }).chrome = {
  runtime: { getURL: (path: string) => (path === "reader.js" ? `${ROOT}/src/inject/reader.ts` : path) },
};

/** Puts a fixture page in the test document and starts a fresh content script on it. */
async function startContentScript(fixture: string, prepare: (browser: Mock) => void = () => undefined) {
  const parsed = new DOMParser().parseFromString(loadFixture(fixture).html, "text/html");
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
  vi.resetModules();
  const browser = (await import("webextension-polyfill")).default as unknown as Mock;
  const reports: StatusReport[] = [];
  browser.runtime.sendMessage = vi.fn(async (message: unknown) => void reports.push(message as StatusReport));
  prepare(browser);
  await import("../../src/inject/content");
  /** Sends a message the way tabs.sendMessage delivers it, and waits for the answer. */
  const send = (message: unknown) =>
    new Promise<TabStatus | undefined>((resolve) => {
      const [kept] = browser.runtime.onMessage.emit(message, {}, resolve);
      if (kept !== true) resolve(undefined);
    });
  return { browser, reports, send };
}

beforeEach(() => {
  view.open.mockClear();
  view.close.mockClear();
  view.update.mockClear();
});

describe("content script", () => {
  it("reports the seed page to the background and answers the popup", async () => {
    const { reports, send } = await startContentScript("ad-seed-kandahar");
    const status = await send({ type: "leesrust:get-status" } satisfies Request);
    expect(status).toMatchObject({ state: "available", placeholders: 1, photoMarkers: 1, host: "ad.nl", site: "AD" });
    expect(reports).toEqual([{ type: "leesrust:status", status }]);
    // After answering, the view is built ahead and its faces readied; nothing is shown.
    await vi.waitFor(() => expect(performance.getEntriesByName("leesrust:warm-faces")).toHaveLength(1));
    expect(view.open).not.toHaveBeenCalled();
  });

  it("opens and closes the view on toggle requests and records the performance measures", async () => {
    // Only this test's: the shortcut's toggle builds the view cold and readies no faces ahead.
    performance.clearMeasures();
    const { send, reports } = await startContentScript("ad-seed-kandahar");
    expect(await send({ type: "leesrust:toggle-view" })).toMatchObject({ state: "open" });
    expect(view.open).toHaveBeenCalledTimes(1);
    expect(await send({ type: "leesrust:set-view", open: false })).toMatchObject({ state: "available" });
    expect(view.close).toHaveBeenCalledTimes(1);
    expect(reports.map((r) => r.status.state)).toEqual(["available", "open", "available"]);
    const names = new Set(performance.getEntriesByType("measure").map((m) => m.name));
    expect(names).toEqual(new Set(["leesrust:detect", "leesrust:extract", "leesrust:open-view"]));
  });

  it("builds nothing ahead on the page's own Alt and Shift: only the reader's keys count (a Chromium test presses real ones)", async () => {
    performance.clearMeasures();
    await startContentScript("ad-seed-kandahar");
    // Events a script dispatches are untrusted, as every event jsdom makes is.
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Alt", altKey: true, shiftKey: true, bubbles: true }));
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Shift", altKey: true, shiftKey: true, bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(performance.getEntriesByName("leesrust:warm-faces")).toHaveLength(0);
    expect(performance.getEntriesByName("leesrust:extract")).toHaveLength(0);
  });

  it("applies settings changed elsewhere to the open view and the auto-open flag", async () => {
    const { browser, send } = await startContentScript("ad-seed-kandahar");
    await send({ type: "leesrust:set-view", open: true });
    const settings = { view: { theme: "sepia", font: "sans", size: 22, width: "narrow", spacing: 1.8, hideUnlinkedNotes: true }, autoOpenSites: ["ad.nl"] };
    browser.storage.onChanged.emit({ settings: { newValue: settings } }, "sync");
    // Read aloud's speed, not in this change, at its default.
    expect(view.update).toHaveBeenCalledWith({ ...settings.view, readAloudRate: 1 });
    expect(await send({ type: "leesrust:get-status" })).toMatchObject({ state: "open", autoOpen: true });
  });

  it("tells a popup that is a tab of its own when the page was last on screen", async () => {
    const { send } = await startContentScript("ad-seed-kandahar");
    const before = Date.now();
    const seen = await send({ type: "leesrust:last-seen" });
    // jsdom's document is visible: on screen now.
    expect(typeof seen === "number" && seen >= before && seen <= Date.now()).toBe(true);
    expect(await send({ type: "leesrust:last-seen", open: true })).toBeUndefined();
  });

  it("leaves other messages and malformed requests unanswered", async () => {
    const { send } = await startContentScript("ad-seed-kandahar");
    expect(await send({ type: "leesrust:status" })).toBeUndefined();
    expect(await send("leesrust:toggle-view")).toBeUndefined();
    expect(await send({ type: "leesrust:set-view", open: "yes" })).toBeUndefined();
    expect(await send({ type: "leesrust:set-auto-open", enabled: true, host: "evil.example" })).toBeUndefined();
    expect(view.open).not.toHaveBeenCalled();
  });

  it("still works with the default settings when storage fails", async () => {
    const broken = async () => {
      throw new Error("storage broken");
    };
    const { send } = await startContentScript("ad-seed-kandahar", (browser) => {
      browser.storage.sync.get = broken;
      browser.storage.local.get = broken;
    });
    expect(await send({ type: "leesrust:get-status" })).toMatchObject({ state: "available", autoOpen: false });
  });
});
