import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { getMessageFor, readSource } from "./helpers";

type Mock = typeof import("../../test/mocks/webextension-polyfill").default;

async function openOptions(stored?: unknown) {
  const doc = new DOMParser().parseFromString(readSource("src/ui/options.html"), "text/html");
  doc.querySelector("script")?.remove();
  document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);
  vi.resetModules();
  const browser = (await import("webextension-polyfill")).default as unknown as Mock;
  browser.i18n.getMessage = getMessageFor("nl");
  if (stored) await browser.storage.sync.set({ settings: stored });
  await (await import("../../src/ui/options")).ready;
  // What the page stores, at once: the copy in storage.local (the background syncs it later).
  const storedSettings = async () => (await browser.storage.local.get("settings")).settings as typeof DEFAULT_SETTINGS;
  return { storedSettings };
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const sites = () => [...document.querySelectorAll("#site-list li span")].map((s) => s.textContent);

function addSite(text: string): void {
  $<HTMLInputElement>("site-input").value = text;
  $<HTMLFormElement>("add-site").requestSubmit();
}

describe("options page", () => {
  it("lists the auto-open sites with a labelled remove button each", async () => {
    await openOptions({ autoOpenSites: ["ad.nl", "trouw.nl"] });
    expect(document.documentElement.lang).toBe("nl");
    expect(sites()).toEqual(["ad.nl", "trouw.nl"]);
    expect($("site-list-empty").hidden).toBe(true);
    expect(document.querySelector("#site-list button")!.getAttribute("aria-label")).toBe("ad.nl verwijderen");
  });

  it("adds a DPG host typed as a URL, and refuses others with a clear error", async () => {
    const { storedSettings } = await openOptions();
    expect($("site-list-empty").hidden).toBe(false);

    addSite("voorbeeld.nl");
    expect($("site-error").hidden).toBe(false);
    expect($("site-error").textContent).toBe("voorbeeld.nl is geen nieuwssite van DPG Media.");
    expect($("site-input").getAttribute("aria-invalid")).toBe("true");

    addSite("https://www.volkskrant.nl/nieuws/x~b2/");
    await vi.waitFor(() => expect(sites()).toEqual(["volkskrant.nl"]));
    expect($("site-error").hidden).toBe(true);
    expect((await storedSettings()).autoOpenSites).toEqual(["volkskrant.nl"]);

    addSite("www.volkskrant.nl");
    expect($("site-error").textContent).toBe("volkskrant.nl staat al in de lijst.");

    addSite("  ");
    expect($("site-error").textContent).toBe("Vul een site in, bijvoorbeeld ad.nl.");
  });

  it("removes a site", async () => {
    const { storedSettings } = await openOptions({ autoOpenSites: ["ad.nl", "pzc.nl"] });
    document.querySelector<HTMLButtonElement>("#site-list button")!.click();
    await vi.waitFor(() => expect(sites()).toEqual(["pzc.nl"]));
    expect((await storedSettings()).autoOpenSites).toEqual(["pzc.nl"]);
    expect($("status").textContent).toBe("ad.nl verwijderd.");
  });

  it("shows the stored view defaults and stores changes", async () => {
    const { storedSettings } = await openOptions({ view: { ...DEFAULT_SETTINGS.view, theme: "sepia", size: 22 } });
    expect(document.querySelector<HTMLInputElement>('input[name="theme"]:checked')!.value).toBe("sepia");
    expect($<HTMLInputElement>("size").value).toBe("22");
    expect($("size-value").textContent).toBe("22 px");
    expect(document.querySelector<HTMLInputElement>('input[name="width"]:checked')!.value).toBe("medium");
    expect(document.querySelector<HTMLInputElement>('input[name="hideUnlinkedNotes"]')!.checked).toBe(false);

    const dark = document.querySelector<HTMLInputElement>('input[name="theme"][value="dark"]')!;
    dark.click();
    await vi.waitFor(async () => expect((await storedSettings()).view).toEqual({ ...DEFAULT_SETTINGS.view, theme: "dark", size: 22 }));
    document.querySelector<HTMLInputElement>('input[name="width"][value="narrow"]')!.click();
    document.querySelector<HTMLInputElement>('input[name="hideUnlinkedNotes"]')!.click();
    await vi.waitFor(async () =>
      expect((await storedSettings()).view).toEqual({ ...DEFAULT_SETTINGS.view, theme: "dark", size: 22, width: "narrow", hideUnlinkedNotes: true }),
    );

    $("reset").click();
    await vi.waitFor(async () => expect((await storedSettings()).view).toEqual(DEFAULT_SETTINGS.view));
    expect(document.querySelector<HTMLInputElement>('input[name="theme"]:checked')!.value).toBe("system");
  });
});
