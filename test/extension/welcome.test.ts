/**
 * The first visit: the background opens the welcome page once, on install only, and the page
 * says in each of our languages what Leesrust does, that it never consents, and what to choose
 * on DPG's privacy gate.
 */
import { describe, expect, it, vi } from "vitest";
import { getMessageFor, readMessages, readSource } from "./helpers";

type Mock = typeof import("../../test/mocks/webextension-polyfill").default;

async function startBackground() {
  vi.resetModules();
  const browser = (await import("webextension-polyfill")).default as unknown as Mock;
  const create = vi.fn(async () => ({}));
  browser.tabs.create = create as unknown as Mock["tabs"]["create"];
  await import("../../src/background/background");
  return { browser, create };
}

describe("after install", () => {
  it("opens one welcome page, an extension page in a tab of its own", async () => {
    const { browser, create } = await startBackground();
    await Promise.all(browser.runtime.onInstalled.emit({ reason: "install", temporary: false }));
    expect(create.mock.calls).toEqual([[{ url: "moz-extension://test/welcome.html" }]]);
  });

  it.each(["update", "browser_update", "chrome_update", "shared_module_update"])("opens nothing on %s", async (reason) => {
    const { browser, create } = await startBackground();
    await Promise.all(browser.runtime.onInstalled.emit({ reason, previousVersion: "0.2.0" }));
    expect(create).not.toHaveBeenCalled();
  });

  it("does not fail when the tab cannot be opened", async () => {
    const { browser } = await startBackground();
    browser.tabs.create = (async () => {
      throw new Error("no window");
    }) as unknown as Mock["tabs"]["create"];
    expect(() => browser.runtime.onInstalled.emit({ reason: "install" })).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});

async function openWelcome(locale: string) {
  const doc = new DOMParser().parseFromString(readSource("src/ui/welcome.html"), "text/html");
  doc.querySelector("script")?.remove();
  document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);
  vi.resetModules();
  const browser = (await import("webextension-polyfill")).default as unknown as Mock;
  browser.i18n.getMessage = getMessageFor(locale) as Mock["i18n"]["getMessage"];
  await (await import("../../src/ui/welcome")).ready;
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? "";

describe("the welcome page", () => {
  it.each([
    ["nl", "Welkom bij Leesrust", /geeft nooit toestemming/, /‘Weigeren’/, /functionele cookies/],
    ["en", "Welcome to Leesrust", /never consents for you/, /refuse/, /functional cookies/],
    ["fr", "Bienvenue dans Leesrust", /ne consent jamais à votre place/, /refusez/, /cookies fonctionnels/],
  ] as const)("in %s: what Leesrust does, that it never consents, and the two choices on the privacy gate", async (locale, title, consent, refuse, functional) => {
    await openWelcome(locale);
    const messages = readMessages(locale);
    expect(document.documentElement.lang).toBe(locale);
    expect(document.title).toBe(title);
    expect(text("h1")).toBe(title);
    for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
      expect(el.textContent, el.dataset.i18n).toBe(messages[el.dataset.i18n!]!.message);
    }
    expect(text("main")).toMatch(/DPG Media/);
    expect(text("#consent-heading")).toMatch(consent);
    expect(text("#privacy-gate")).toMatch(/myprivacy\.dpgmedia\.(nl|be)/);
    const choices = [...document.querySelectorAll("#privacy-gate li")].map((li) => li.textContent ?? "");
    expect(choices).toHaveLength(2);
    expect(choices[0]).toMatch(refuse);
    expect(choices[1]).toMatch(functional);
    expect(document.querySelector("a#options-link")?.getAttribute("href")).toBe("options.html");
  });

  it("is reachable again from the options page", () => {
    const options = new DOMParser().parseFromString(readSource("src/ui/options.html"), "text/html");
    expect(options.querySelector('a[href="welcome.html"]')?.getAttribute("data-i18n")).toBe("options_welcome_link");
  });

  it("fits a phone: a viewport meta, and no fixed widths in the styles it uses", () => {
    const page = readSource("src/ui/welcome.html");
    expect(page).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    const styles = [...page.matchAll(/href="([a-z]+\.css)"/g)].map((m) => readSource(`src/ui/${m[1]}`)).join("\n");
    expect(styles).not.toMatch(/(^|[^-])width:\s*\d+(px|rem|em)/m);
  });
});
