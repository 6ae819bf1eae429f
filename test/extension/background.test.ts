import { describe, expect, it, vi } from "vitest";
import type { StatusReport, TabStatus } from "../../src/shared/messages";
import { getMessageFor } from "./helpers";

type Mock = typeof import("../../test/mocks/webextension-polyfill").default;

async function startBackground() {
  vi.resetModules();
  const browser = (await import("webextension-polyfill")).default as unknown as Mock;
  browser.i18n.getMessage = getMessageFor("nl");
  const badge = { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined) };
  Object.assign(browser.action, badge);
  const sendMessage = vi.fn(async () => undefined);
  browser.tabs.query = vi.fn(async () => [{ id: 12 }]) as unknown as Mock["tabs"]["query"];
  browser.tabs.sendMessage = sendMessage as unknown as Mock["tabs"]["sendMessage"];
  await import("../../src/background/background");
  /** Delivers a report; the background does not keep the channel open for a reply. */
  const report = async (status: TabStatus, tabId = 5) => {
    const message: StatusReport = { type: "leesrust:status", status };
    expect(browser.runtime.onMessage.emit(message, { tab: { id: tabId } }, () => undefined)).toEqual([false]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { browser, badge, sendMessage, report };
}

const STATUS: TabStatus = { state: "available", placeholders: 2, photoMarkers: 1, host: "ad.nl", site: "AD", autoOpen: false };

describe("background", () => {
  it("puts the count of blocked posts on the reporting tab's badge", async () => {
    const { badge, report } = await startBackground();
    await report(STATUS);
    expect(badge.setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: "2" });
    expect(badge.setTitle).toHaveBeenCalledWith({ tabId: 5, title: "Leesrust: leesweergave beschikbaar" });
  });

  it("marks a page with only photo markers, and empties the badge when idle, unsupported or when nothing is blocked", async () => {
    const { badge, report } = await startBackground();
    await report({ ...STATUS, placeholders: 0 });
    await report({ ...STATUS, state: "idle", placeholders: 0, photoMarkers: 0 });
    await report({ ...STATUS, state: "unsupported" });
    await report({ ...STATUS, state: "available", placeholders: 0, photoMarkers: 0 });
    await report({ ...STATUS, state: "idle", placeholders: 1, photoMarkers: 0 });
    expect(badge.setBadgeText.mock.calls.map((c) => (c as unknown as [{ text: string }])[0].text)).toEqual(["•", "", "", "", ""]);
  });

  it("ignores a malformed report: no badge from a count that is not one", async () => {
    const { browser, badge } = await startBackground();
    const malformed = { type: "leesrust:status", status: { ...STATUS, placeholders: "<b>99</b>" } };
    expect(browser.runtime.onMessage.emit(malformed, { tab: { id: 5 } }, () => undefined)).toEqual([false]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(badge.setBadgeText).not.toHaveBeenCalled();
  });

  it("relays the keyboard command to the active tab", async () => {
    const { browser, sendMessage } = await startBackground();
    await Promise.all(browser.commands.onCommand.emit("toggle-reading-view"));
    expect(sendMessage).toHaveBeenCalledWith(12, { type: "leesrust:toggle-view" });
  });

  it("stays quiet where no content script listens", async () => {
    const { browser, sendMessage } = await startBackground();
    sendMessage.mockRejectedValueOnce(new Error("Receiving end does not exist."));
    await expect(Promise.all(browser.commands.onCommand.emit("toggle-reading-view"))).resolves.toBeDefined();
  });

  it("copies the settings a page stored locally to storage.sync, in one write once the changes pause", async () => {
    const { browser } = await startBackground();
    const setSync = vi.spyOn(browser.storage.sync, "set");
    const { updateSettings } = await import("../../src/shared/settings-store");
    for (const size of [21, 22, 23]) {
      await updateSettings((s) => ({ ...s, view: { ...s.view, size } }));
      // What runtime.sendMessage delivers to the background in the browser.
      browser.runtime.onMessage.emit({ type: "leesrust:settings-saved" }, {}, () => undefined);
    }
    await vi.waitFor(async () => expect((await browser.storage.sync.get("settings")).settings).toMatchObject({ view: { size: 23 } }), { timeout: 5000 });
    expect(setSync).toHaveBeenCalledTimes(1);
  });

  it("runs where the browser has no keyboard shortcuts and no badge (Firefox for Android)", async () => {
    vi.resetModules();
    const browser = (await import("webextension-polyfill")).default as unknown as Record<string, unknown> & Mock;
    const { commands, action } = browser;
    Object.assign(browser, { commands: undefined, action: {} });
    try {
      await import("../../src/background/background");
      const message: StatusReport = { type: "leesrust:status", status: STATUS };
      expect(() => browser.runtime.onMessage.emit(message, { tab: { id: 5 } }, () => undefined)).not.toThrow();
    } finally {
      Object.assign(browser, { commands, action });
    }
  });
});
