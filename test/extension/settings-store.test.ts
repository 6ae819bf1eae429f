import browser from "webextension-polyfill";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import {
  loadSettings,
  parseSettings,
  resetStorageChoice,
  setAutoOpen,
  siteKey,
  updateSettings,
} from "../../src/shared/settings-store";
import { clearStorage } from "./helpers";

beforeEach(async () => {
  vi.restoreAllMocks();
  resetStorageChoice();
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
      view: { theme: "sepia", font: "serif", size: 18, width: "medium", spacing: 1.6, hideUnlinkedNotes: false },
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
  it("round-trips through storage.sync under the key 'settings'", async () => {
    await updateSettings((s) => ({ ...s, view: { ...s.view, theme: "dark" }, autoOpenSites: ["pzc.nl"] }));
    const stored = await browser.storage.sync.get("settings");
    expect(stored.settings).toMatchObject({ autoOpenSites: ["pzc.nl"], view: { theme: "dark" } });
    expect((await loadSettings()).view.theme).toBe("dark");
  });

  it("validates what it reads back", async () => {
    await browser.storage.sync.set({ settings: { view: { size: -3, theme: "dark" }, autoOpenSites: "ad.nl" } });
    expect(await loadSettings()).toEqual({ view: { ...DEFAULT_SETTINGS.view, theme: "dark" }, autoOpenSites: [] });
  });

  it("falls back to storage.local where sync is unavailable", async () => {
    vi.spyOn(browser.storage.sync, "get").mockRejectedValue(new Error("sync is disabled"));
    const setSync = vi.spyOn(browser.storage.sync, "set");
    await updateSettings((s) => ({ ...s, autoOpenSites: ["trouw.nl"] }));
    expect(setSync).not.toHaveBeenCalled();
    expect((await browser.storage.local.get("settings")).settings).toMatchObject({ autoOpenSites: ["trouw.nl"] });
    expect((await loadSettings()).autoOpenSites).toEqual(["trouw.nl"]);
  });
});
