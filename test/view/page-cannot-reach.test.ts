/**
 * The page can neither read the view nor act in it: a closed root, controls and keys that
 * act only on the reader's own events, and the page's nodes (even ones with the view's ids)
 * left alone.
 */
import { afterEach, describe, expect, it } from "vitest";
import { HOST_ID, PAGE_STYLE_ID } from "../../src/inject/view/index";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { afterFirstFrame, closeAll, open, openSettings, pressKey } from "./helpers";

afterEach(() => {
  closeAll();
  document.body.innerHTML = "";
  document.head.innerHTML = "";
});

describe("the page cannot reach into the view", () => {
  it("finds its host but no shadow root, and none of its text", () => {
    const view = open();
    expect(view.host.shadowRoot).toBeNull();
    expect(document.documentElement.textContent).not.toContain("Kandahar");
    expect(view.shadow.textContent).toContain("Kandahar");
  });

  it("cannot close the view with a script's click() or a dispatched Escape (the browser's isTrusted)", () => {
    const view = open(undefined, { acceptEvent: undefined });
    view.$<HTMLButtonElement>("button[data-action='close']").click();
    expect(pressKey("Escape", {}, document).defaultPrevented).toBe(false);
    expect(view.onClose).not.toHaveBeenCalled();
    expect(view.host.isConnected).toBe(true);
    openSettings(view);
    expect(view.$("#lr-settings").hidden).toBe(true);
  });

  it("cannot change a setting with a script's click on the radios and steppers", () => {
    let trusted = true;
    const view = open(undefined, { acceptEvent: () => trusted });
    openSettings(view);
    trusted = false;
    const dark = view.$<HTMLInputElement>("input[name='lr-theme'][value='dark']");
    dark.click();
    view.$<HTMLButtonElement>("button[data-action='size-up']").click();
    view.$<HTMLButtonElement>("button[data-action='close']").click();
    expect(view.onSettingsChange).not.toHaveBeenCalled();
    expect(view.onClose).not.toHaveBeenCalled();
    expect(view.$(".lr-root").dataset.theme).toBe(DEFAULT_SETTINGS.view.theme);
    expect(dark.checked, "the radio a script checked shows the setting as it is").toBe(false);
    dark.checked = true;
    dark.dispatchEvent(new Event("change", { bubbles: true }));
    expect(view.onSettingsChange, "a dispatched change").not.toHaveBeenCalled();
    expect(dark.checked, "the radio shows the setting as it is again").toBe(false);
    trusted = true;
    dark.click();
    expect(view.onSettingsChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS.view, theme: "dark" });
  });
});

describe("the page's own nodes", () => {
  it("a page node with one of the view's ids is left exactly as it was, open and closed", async () => {
    document.head.innerHTML = `<style id="${PAGE_STYLE_ID}">p { color: teal }</style>`;
    // Even with the view's own mark copied: the view looks for its nodes only where it puts them.
    document.body.innerHTML = `<div id="${HOST_ID}" class="page">page's own</div><div data-leesrust="view">a copy</div>`;
    const before = document.documentElement.outerHTML;
    const view = open();
    await afterFirstFrame();
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(2);
    view.handle.close();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe("a setting that cannot be saved", () => {
  it("stays applied, and the reader is told", async () => {
    const view = open(undefined, { onSettingsChange: () => Promise.reject(new Error("QUOTA_BYTES_PER_ITEM quota exceeded")) });
    openSettings(view);
    view.$<HTMLInputElement>("input[name='lr-theme'][value='sepia']").click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(view.$(".lr-root").dataset.theme).toBe("sepia");
    expect(view.$("[data-field='status']").textContent).toMatch(/niet worden opgeslagen/);
  });
});
