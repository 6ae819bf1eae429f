import browser from "webextension-polyfill";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import {
  loadSettings,
  onSettingsChanged,
  parseSettings,
  resetSettingsStore,
  setAutoOpen,
  siteKey,
  syncSettings,
  updateSettings,
} from "../../src/shared/settings-store";
import { clearStorage } from "./helpers";

beforeEach(async () => {
  vi.restoreAllMocks();
  resetSettingsStore();
  await clearStorage();
});

describe("parseSettings", () => {
  it("gives the defaults for nothing stored or garbage", () => {
    for (const raw of [undefined, null, 42, "x", [], { view: "dark" }]) expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it("keeps valid fields and replaces only the damaged ones", () => {
    const parsed = parseSettings({
      view: { theme: "sepia", font: "comic", size: 18, width: 9999, spacing: Number.NaN },
      autoOpenSites: ["ad.nl"],
    });
    expect(parsed).toEqual({
      view: { theme: "sepia", font: "serif", size: 18, width: "medium", spacing: 1.6, hideUnlinkedNotes: false, readAloudRate: 1 },
      autoOpenSites: ["ad.nl"],
    });
  });

  it("keeps a width stored in characters by earlier versions as the nearest step", () => {
    const widthOf = (width: unknown) => parseSettings({ view: { width } }).view.width;
    expect([widthOf(40), widthOf(60), widthOf(66), widthOf(72), widthOf(100)]).toEqual(["narrow", "narrow", "medium", "wide", "wide"]);
    expect([widthOf("wide"), widthOf("huge"), widthOf(Number.NaN), widthOf(true)]).toEqual(["wide", "medium", "medium", "medium"]);
    expect(parseSettings({ view: { hideUnlinkedNotes: true } }).view.hideUnlinkedNotes).toBe(true);
    expect(parseSettings({ view: { hideUnlinkedNotes: "yes" } }).view.hideUnlinkedNotes).toBe(false);
  });

  it("normalises the site list and drops non-DPG, non-string and duplicate entries", () => {
    const parsed = parseSettings({ autoOpenSites: ["WWW.AD.NL", "ad.nl", "https://www.volkskrant.nl/x", "example.com", 7, null] });
    expect(parsed.autoOpenSites).toEqual(["ad.nl", "volkskrant.nl"]);
  });
});

describe("siteKey", () => {
  it("accepts DPG hosts, subdomains and pasted URLs", () => {
    expect(siteKey("www.ad.nl")).toBe("ad.nl");
    expect(siteKey(" Trouw.nl. ")).toBe("trouw.nl");
    expect(siteKey("https://www.hln.be/binnenland/iets~a1/")).toBe("hln.be");
    expect(siteKey("regio.gelderlander.nl")).toBe("regio.gelderlander.nl");
  });

  it("refuses other hosts and look-alikes", () => {
    for (const input of ["", "example.com", "notad.nl", "ad.nl.evil.com", "javascript:alert(1)", "http://"]) {
      expect(siteKey(input), input).toBeNull();
    }
  });
});

describe("setAutoOpen", () => {
  it("adds once and removes by site key", () => {
    let s = setAutoOpen(DEFAULT_SETTINGS, "www.ad.nl", true);
    s = setAutoOpen(s, "ad.nl", true);
    expect(s.autoOpenSites).toEqual(["ad.nl"]);
    expect(setAutoOpen(s, "www.ad.nl", false).autoOpenSites).toEqual([]);
    expect(setAutoOpen(s, "example.com", true)).toBe(s);
  });
});

describe("storage", () => {
  it("writes storage.local at once under the key 'settings', and the background copies it to storage.sync", async () => {
    const sent = vi.spyOn(browser.runtime, "sendMessage");
    await updateSettings((s) => ({ ...s, view: { ...s.view, theme: "dark" }, autoOpenSites: ["pzc.nl"] }));
    expect((await browser.storage.local.get("settings")).settings).toMatchObject({ autoOpenSites: ["pzc.nl"], view: { theme: "dark" } });
    expect((await browser.storage.sync.get("settings")).settings, "sync waits for the background").toBeUndefined();
    expect(sent).toHaveBeenCalledWith({ type: "leesrust:settings-saved" });
    expect((await loadSettings()).view.theme).toBe("dark");
    await syncSettings();
    expect((await browser.storage.sync.get("settings")).settings).toMatchObject({ autoOpenSites: ["pzc.nl"], view: { theme: "dark" } });
  });

  it("reads the newer copy: settings of earlier versions in sync, a change from another device, a local change not yet synced", async () => {
    await browser.storage.sync.set({ settings: { view: { theme: "sepia" }, autoOpenSites: ["ad.nl"] } });
    expect((await loadSettings()).view.theme, "an earlier version's settings").toBe("sepia");
    await updateSettings((s) => ({ ...s, view: { ...s.view, theme: "dark" } }));
    expect(await loadSettings(), "the local change, with the rest kept").toMatchObject({ view: { theme: "dark" }, autoOpenSites: ["ad.nl"] });
    await browser.storage.sync.set({ settings: { view: { theme: "light" }, autoOpenSites: [], savedAt: Date.now() + 60_000 } });
    expect((await loadSettings()).view.theme, "a newer change from another device").toBe("light");
    await syncSettings();
    expect(((await browser.storage.sync.get("settings")).settings as { view: { theme: string } }).view.theme, "the older local copy does not overwrite it").toBe("light");
  });

  it("keeps every change of a quick burst, in order", async () => {
    const sizes = [21, 22, 23, 24];
    await Promise.all(sizes.map((size) => updateSettings((s) => ({ ...s, view: { ...s.view, size } }))));
    expect((await loadSettings()).view.size).toBe(24);
  });

  it("ignores a late echo older than what the page has stored since", async () => {
    const seen: number[] = [];
    onSettingsChanged((s) => seen.push(s.view.size));
    await updateSettings((s) => ({ ...s, view: { ...s.view, size: 22 } }));
    const stored = (await browser.storage.local.get("settings")).settings as { savedAt: number };
    const emit = (size: number, savedAt: number) =>
      (browser.storage.onChanged as unknown as { emit: (...a: unknown[]) => void }).emit({ settings: { newValue: { view: { size }, autoOpenSites: [], savedAt } } }, "sync");
    emit(21, stored.savedAt - 5);
    emit(22, stored.savedAt);
    emit(26, stored.savedAt + 5);
    expect(seen).toEqual([22, 26]);
  });

  it("validates what it reads back", async () => {
    await browser.storage.sync.set({ settings: { view: { size: -3, theme: "dark" }, autoOpenSites: "ad.nl" } });
    expect(await loadSettings()).toEqual({ view: { ...DEFAULT_SETTINGS.view, theme: "dark" }, autoOpenSites: [] });
  });

  it("works from storage.local alone where sync is unavailable", async () => {
    vi.spyOn(browser.storage.sync, "get").mockRejectedValue(new Error("sync is disabled"));
    await updateSettings((s) => ({ ...s, autoOpenSites: ["trouw.nl"] }));
    expect((await browser.storage.local.get("settings")).settings).toMatchObject({ autoOpenSites: ["trouw.nl"] });
    expect((await loadSettings()).autoOpenSites).toEqual(["trouw.nl"]);
  });
});
