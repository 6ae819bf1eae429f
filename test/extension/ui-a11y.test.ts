import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import type { TabStatus } from "../../src/shared/messages";
import { getMessageFor, readSource } from "./helpers";

type Mock = typeof import("../../test/mocks/webextension-polyfill").default;

/** Loads an extension page with Dutch texts and runs its module against a tab with the given status. */
async function load(page: "popup" | "options" | "welcome", status?: TabStatus) {
  const doc = new DOMParser().parseFromString(readSource(`src/ui/${page}.html`), "text/html");
  doc.querySelector("script")?.remove();
  document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);
  vi.resetModules();
  const browser = (await import("webextension-polyfill")).default as unknown as Mock;
  browser.i18n.getMessage = getMessageFor("nl");
  browser.tabs.query = (async () => [{ id: 1 }]) as unknown as Mock["tabs"]["query"];
  browser.tabs.sendMessage = (async () => status) as unknown as Mock["tabs"]["sendMessage"];
  await (await import(`../../src/ui/${page}.ts`)).ready;
}

/** Serious and critical axe findings (colour contrast needs layout, which jsdom lacks; the browser tests cover it). */
async function problems(): Promise<string[]> {
  const result = await axe.run(document, { rules: { "color-contrast": { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const STATUS: TabStatus = { state: "available", placeholders: 2, photoMarkers: 1, host: "ad.nl", site: "AD", autoOpen: true };

describe("accessibility of the extension pages", () => {
  it.each(["available", "open", "idle", "unsupported"] as const)("popup in state %s", async (state) => {
    await load("popup", { ...STATUS, state });
    expect(await problems()).toEqual([]);
  });

  it("popup without an answer", async () => {
    await load("popup");
    expect(await problems()).toEqual([]);
  });

  it("options page", async () => {
    await load("options");
    expect(await problems()).toEqual([]);
  });

  it("welcome page", async () => {
    await load("welcome");
    expect(await problems()).toEqual([]);
  });
});
