import { describe, expect, it, vi } from "vitest";
import type { Request, TabStatus } from "../../src/shared/messages";
import { getMessageFor, readSource } from "./helpers";

const STATUS: TabStatus = { state: "available", placeholders: 2, photoMarkers: 1, host: "ad.nl", site: "AD", autoOpen: false };

/** Loads popup.html and runs the popup against a tab whose content script answers with `answer`. */
type TabLike = { id?: number; url?: string; active?: boolean; lastAccessed?: number; windowId?: number };

/** `inTab`: the popup is a tab of its own (Firefox for Android), among `inTab.tabs` of its window. */
async function openPopup(
  answer: (request: Request, tabId: number) => TabStatus | Promise<TabStatus> | number | null,
  tab: TabLike = { id: 7 },
  lang = "nl",
  inTab?: { self: TabLike; tabs: TabLike[] },
) {
  const doc = new DOMParser().parseFromString(readSource("src/ui/popup.html"), "text/html");
  doc.querySelector("script")?.remove();
  document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);
  // A fresh module graph per popup, as each popup opening is; patch the mock the popup will see.
  vi.resetModules();
  const browser = (await import("webextension-polyfill")).default;
  browser.i18n.getMessage = getMessageFor(lang) as typeof browser.i18n.getMessage;
  const sent: Request[] = [];
  const sentTo: number[] = [];
  browser.tabs.getCurrent = vi.fn(async () => inTab?.self) as unknown as typeof browser.tabs.getCurrent;
  browser.tabs.query = vi.fn(async (query: { active?: boolean; windowId?: number }) =>
    inTab ? inTab.tabs.filter((t) => query.windowId === undefined || t.windowId === query.windowId) : [tab],
  ) as unknown as typeof browser.tabs.query;
  browser.tabs.sendMessage = vi.fn(async (tabId: number, request: Request) => {
    sent.push(request);
    sentTo.push(tabId);
    return answer(request, tabId);
  }) as unknown as typeof browser.tabs.sendMessage;
  await (await import("../../src/ui/popup")).ready;
  return { sent, sentTo };
}

const text = (id: string) => document.getElementById(id)!.textContent;
const visible = (id: string) => !document.getElementById(id)!.hidden;
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const state = () => document.querySelector("main")!.dataset.state;

describe("popup", () => {
  it("shows what was found, in Dutch with proper plurals, and offers the switch", async () => {
    await openPopup(() => STATUS);
    expect(document.documentElement.lang).toBe("nl");
    expect(text("summary")).toBe("2 geblokkeerde berichten, 1 fotomarkering");
    expect(visible("view-control")).toBe(true);
    expect(input("view-toggle").checked).toBe(false);
    expect(input("view-toggle").getAttribute("role")).toBe("switch");
    expect(text("auto-open-label")).toBe("Altijd openen op ad.nl");
    expect(input("auto-open").getAttribute("role")).toBe("switch");
    expect(text("auto-open-hint")).toMatch(/^Elk artikel op deze site opent dan meteen/);
    expect(text("message")).toMatch(/^Dit artikel wordt onderbroken/);
    expect(text("options-link")).toBe("Instellingen");
  });

  it("uses the singular and leaves out zero counts, in English too", async () => {
    await openPopup(() => ({ ...STATUS, placeholders: 1, photoMarkers: 0 }), { id: 7 }, "en");
    expect(document.documentElement.lang).toBe("en");
    expect(text("summary")).toBe("1 blocked post");
  });

  it("switches the reading view on and off through the content script", async () => {
    let open = false;
    const { sent } = await openPopup((request) => {
      if (request.type === "leesrust:set-view") open = request.open;
      return { ...STATUS, state: open ? "open" : "available" };
    });
    input("view-toggle").click();
    await vi.waitFor(() => expect(state()).toBe("open"));
    expect(input("view-toggle").checked).toBe(true);
    expect(text("message")).toMatch(/^De leesweergave is open/);
    input("view-toggle").click();
    await vi.waitFor(() => expect(state()).toBe("available"));
    expect(sent).toEqual([
      { type: "leesrust:get-status" },
      { type: "leesrust:set-view", open: true },
      { type: "leesrust:set-view", open: false },
    ]);
  });

  it("stores 'always open' itself and through the tab, and opens this article's view at once", async () => {
    let auto = false;
    let open = false;
    const { sent } = await openPopup((request) => {
      if (request.type === "leesrust:set-auto-open") auto = request.enabled;
      if (request.type === "leesrust:set-view") open = request.open;
      return { ...STATUS, autoOpen: auto, state: open ? "open" : "available" };
    });
    input("auto-open").click();
    await vi.waitFor(() => expect(state()).toBe("open"));
    expect(input("auto-open").checked).toBe(true);
    expect(sent.slice(1)).toEqual([
      { type: "leesrust:set-auto-open", enabled: true },
      { type: "leesrust:set-view", open: true },
    ]);
    const browser = (await import("webextension-polyfill")).default;
    expect((await browser.storage.local.get("settings")).settings).toMatchObject({ autoOpenSites: ["ad.nl"] });

    input("auto-open").click();
    await vi.waitFor(() => expect(input("auto-open").checked).toBe(false));
    expect(sent.at(-1), "switched off: the open view stays").toEqual({ type: "leesrust:set-auto-open", enabled: false });
  });

  it("writes 'always open' within the tap, with no read first: a popup closed at once loses nothing", async () => {
    await openPopup(() => STATUS);
    const browser = (await import("webextension-polyfill")).default;
    const set = vi.spyOn(browser.storage.local, "set");
    const get = vi.spyOn(browser.storage.local, "get");
    input("auto-open").click();
    // Synchronously, in the change event itself: nothing awaited before the write left.
    expect(set).toHaveBeenCalledTimes(1);
    expect(get).not.toHaveBeenCalled();
    expect(set.mock.calls[0]![0]).toMatchObject({ settings: { autoOpenSites: ["ad.nl"] } });
    set.mockRestore();
    get.mockRestore();
  });

  it("offers the view on an article with nothing blocked, without counts", async () => {
    await openPopup(() => ({ ...STATUS, placeholders: 0, photoMarkers: 0 }));
    expect(state()).toBe("available");
    expect(visible("summary")).toBe(false);
    expect(visible("view-control")).toBe(true);
    expect(text("message")).toBe("Open de leesweergave om dit artikel rustig te lezen, zonder advertenties en tips ertussen.");
  });

  it("says that a premium article continues for subscribers, not that it can be read in one piece", async () => {
    await openPopup(() => ({ ...STATUS, paywall: true }));
    expect(visible("view-control")).toBe(true);
    expect(text("message")).toMatch(/^Dit artikel is voor abonnees/);
    expect(text("message")).not.toMatch(/in één stuk/);
  });

  it("says in plain words when the view is a best effort", async () => {
    await openPopup(() => ({ ...STATUS, bestEffort: true }));
    expect(visible("view-control")).toBe(true);
    expect(text("message")).toMatch(/^Leesrust kent de opmaak van deze pagina niet: de leesweergave is een beste poging/);
  });

  it("says in one sentence that a page is not an article, without stray counts", async () => {
    await openPopup(() => ({ ...STATUS, state: "idle", placeholders: 1, photoMarkers: 0, reason: "no article body found" }));
    expect(state()).toBe("idle");
    expect(visible("summary")).toBe(false);
    expect(text("summary")).toBe("");
    expect(visible("view-control")).toBe(false);
    expect(text("message")).toBe("Deze pagina is geen artikel, dus er is geen leesweergave.");
  });

  it("says when a page cannot be handled, without offering the switch or counts", async () => {
    await openPopup(() => ({ ...STATUS, state: "unsupported", reason: "error: boom" }));
    expect(state()).toBe("unsupported");
    expect(visible("summary")).toBe(false);
    expect(visible("view-control")).toBe(false);
    expect(text("message")).toMatch(/kon deze pagina niet lezen/);
  });

  it("asks to reload a DPG page whose content script does not answer", async () => {
    await openPopup(
      () => Promise.reject(new Error("Could not establish connection. Receiving end does not exist.")),
      { id: 3, url: "https://www.volkskrant.nl/nieuws/iets~b1/" },
    );
    expect(state()).toBe("unreachable");
    expect(text("message")).toMatch(/Herlaad de pagina/);
    expect(visible("view-control") || visible("auto-control")).toBe(false);
  });

  it("treats an answer of another shape as none", async () => {
    await openPopup(() => ({ ...STATUS, placeholders: -3, summary: "<img src=x>" }) as unknown as TabStatus, { id: 3, url: "https://www.ad.nl/a~1/" });
    expect(state()).toBe("unreachable");
    expect(visible("view-control")).toBe(false);
  });

  it("explains where Leesrust works on other sites", async () => {
    await openPopup(() => Promise.reject(new Error("no receiver")), { id: 4, url: "https://nos.nl/artikel/1" });
    expect(state()).toBe("not-dpg");
    expect(text("message")).toMatch(/^Dit is geen nieuwssite van DPG Media/);
  });

  it("covers both reasons when the browser hides the tab's address", async () => {
    await openPopup(() => Promise.reject(new Error("no receiver")), { id: 4 });
    expect(state()).toBe("no-answer");
    expect(text("message")).toBe(
      "Leesrust werkt alleen op nieuwssites van DPG Media, zoals ad.nl, volkskrant.nl en hln.be. Is dit er een? Herlaad dan de pagina.",
    );
  });

  it("as a tab of its own that is the active one (Firefox for Android), acts on the article the reader came from", async () => {
    const self = { id: 9, windowId: 1, active: true, lastAccessed: 3000 };
    const tabs = [{ id: 3, windowId: 1, lastAccessed: 1000 }, { id: 5, windowId: 1, lastAccessed: 2000 }, self, { id: 6, windowId: 2, lastAccessed: 2500 }];
    let open = false;
    const { sentTo, sent } = await openPopup(
      (request) => {
        if (request.type === "leesrust:set-view") open = request.open;
        return { ...STATUS, state: open ? "open" : "available" };
      },
      undefined,
      "nl",
      { self, tabs },
    );
    expect(text("summary")).toBe("2 geblokkeerde berichten, 1 fotomarkering");
    expect(document.documentElement.hasAttribute("data-in-tab"), "laid out as a page").toBe(true);
    input("view-toggle").click();
    await vi.waitFor(() => expect(state()).toBe("open"));
    expect(sent.map((r) => r.type)).toEqual(["leesrust:get-status", "leesrust:set-view"]);
    expect(sentTo, "every request to the tab accessed last before the popup, in its own window").toEqual([5, 5]);
  });

  it("as a tab of its own where the browser gives no lastAccessed, acts on the page that was on screen last", async () => {
    const self = { id: 9, windowId: 1, active: true };
    const tabs = [{ id: 3, windowId: 1 }, { id: 5, windowId: 1 }, self, { id: 4, windowId: 1 }];
    const seenAt: Record<number, number | null> = { 3: 5000, 5: 4000, 4: null };
    const { sentTo, sent } = await openPopup((request, tabId) => (request.type === "leesrust:last-seen" ? (seenAt[tabId] ?? null) : STATUS), undefined, "nl", {
      self,
      tabs,
    });
    expect(state()).toBe("available");
    expect(sent.filter((r) => r.type === "leesrust:last-seen")).toHaveLength(3);
    expect(sentTo.at(-1)).toBe(3);
    expect(sent.at(-1)).toEqual({ type: "leesrust:get-status" });
  });
});
