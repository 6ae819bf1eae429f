import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, VIEW_LIMITS } from "../../src/shared/settings";
import { SEED_URL, closeAll, open, openSettings, seedArticle } from "./helpers";

afterEach(() => {
  closeAll();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const click = (el: Element) => (el as HTMLElement).click();

describe("toolbar", () => {
  it("labels every control", () => {
    const view = open();
    openSettings(view);
    for (const control of view.$$("button")) {
      const name = control.getAttribute("aria-label") ?? control.textContent ?? "";
      expect(name.trim().length, control.outerHTML).toBeGreaterThan(1);
    }
    for (const radio of view.$$<HTMLInputElement>("input[type='radio']")) {
      expect(radio.closest("label")?.textContent?.trim()).toBeTruthy();
    }
    expect(view.$(".lr-bar").getAttribute("aria-label")).toBe("Leesweergave");
  });

  it("opens and closes the settings panel as a disclosure", () => {
    const view = open();
    const toggle = view.$("button[data-action='settings']");
    const panel = view.$(`#${toggle.getAttribute("aria-controls")}`);
    // Last button of the bar, right before the panel in tab order.
    expect(view.$$(".lr-bar button").at(-1)).toBe(toggle);
    expect(toggle.closest(".lr-bar")?.nextElementSibling).toBe(panel);
    expect(panel.hidden).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    click(toggle);
    expect(panel.hidden).toBe(false);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    click(toggle);
    expect(panel.hidden).toBe(true);
  });
});

describe("display settings", () => {
  it("starts from the settings it was given", () => {
    const view = open(seedArticle(), { settings: { theme: "sepia", font: "sans", size: 24, width: 60, spacing: 1.8 } });
    openSettings(view);
    const root = view.$(".lr-root");
    expect(root.dataset.theme).toBe("sepia");
    expect(root.dataset.font).toBe("sans");
    expect(root.style.getPropertyValue("--lr-size")).toBe("24px");
    expect(root.style.getPropertyValue("--lr-width")).toBe("60ch");
    expect(root.style.getPropertyValue("--lr-spacing")).toBe("1.8");
    expect(view.$<HTMLInputElement>("input[name='lr-theme'][value='sepia']").checked).toBe(true);
    expect(view.$<HTMLInputElement>("input[name='lr-font'][value='sans']").checked).toBe(true);
    expect(view.$("[data-setting='size'] output").textContent).toBe("24 px");
    expect(view.$("[data-setting='width'] output").textContent).toBe("60 tekens");
    expect(view.$("[data-setting='spacing'] output").textContent).toBe("1,8");
  });

  it("applies a theme choice at once and reports it", () => {
    const view = open();
    openSettings(view);
    const dark = view.$<HTMLInputElement>("input[name='lr-theme'][value='dark']");
    click(dark);
    expect(view.$(".lr-root").dataset.theme).toBe("dark");
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.view, theme: "dark" });
  });

  it("applies a font choice at once and reports it", () => {
    const view = open();
    openSettings(view);
    click(view.$("input[name='lr-font'][value='sans']"));
    expect(view.$(".lr-root").dataset.font).toBe("sans");
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.view, font: "sans" });
  });

  it("steps size, width and spacing with − and +, and reports each change", () => {
    const view = open();
    openSettings(view);
    const root = view.$(".lr-root");
    click(view.$("button[data-action='size-up']"));
    expect(root.style.getPropertyValue("--lr-size")).toBe(`${DEFAULT_SETTINGS.view.size + 2}px`);
    click(view.$("button[data-action='width-down']"));
    expect(root.style.getPropertyValue("--lr-width")).toBe(`${DEFAULT_SETTINGS.view.width - 6}ch`);
    click(view.$("button[data-action='spacing-up']"));
    expect(root.style.getPropertyValue("--lr-spacing")).toBe("1.7");
    expect(view.$("[data-setting='spacing'] output").textContent).toBe("1,7");
    expect(view.onSettingsChange).toHaveBeenCalledTimes(3);
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({
      ...DEFAULT_SETTINGS.view,
      size: DEFAULT_SETTINGS.view.size + 2,
      width: DEFAULT_SETTINGS.view.width - 6,
      spacing: 1.7,
    });
  });

  it("stops at the limits without losing focus", () => {
    const max = VIEW_LIMITS.size.max;
    const view = open(seedArticle(), { settings: { ...DEFAULT_SETTINGS.view, size: max } });
    openSettings(view);
    const up = view.$("button[data-action='size-up']");
    expect(up.getAttribute("aria-disabled")).toBe("true");
    expect(up.hasAttribute("disabled")).toBe(false);
    click(up);
    expect(view.onSettingsChange).not.toHaveBeenCalled();
    click(view.$("button[data-action='size-down']"));
    expect(up.getAttribute("aria-disabled")).toBe("false");
  });

  it("update() applies settings changed elsewhere without reporting them back", () => {
    const view = open();
    view.handle.update({ theme: "light", font: "sans", size: 18, width: 72, spacing: 2 });
    // The panel, filled on first open, shows the settings as they are now.
    openSettings(view);
    const root = view.$(".lr-root");
    expect(root.dataset.theme).toBe("light");
    expect(root.dataset.font).toBe("sans");
    expect(root.style.getPropertyValue("--lr-size")).toBe("18px");
    expect(view.$<HTMLInputElement>("input[name='lr-theme'][value='light']").checked).toBe(true);
    expect(view.$("[data-setting='width'] output").textContent).toBe("72 tekens");
    expect(view.onSettingsChange).not.toHaveBeenCalled();
    // The next step starts from the updated value, not the original one.
    click(view.$("button[data-action='size-up']"));
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ theme: "light", font: "sans", size: 20, width: 72, spacing: 2 });
  });
});

describe("copy and print", () => {
  it("copies the article as text and confirms it", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const view = open();
    click(view.$("button[data-action='copy-text']"));
    await vi.waitFor(() => expect(view.$("[data-field='status']").textContent).toBe("Gekopieerd"));
    const text = writeText.mock.calls[0]?.[0] as string;
    expect(text.startsWith("Taliban nemen ook Kandahar in, de tweede stad van Afghanistan\n\n")).toBe(true);
    expect(text.endsWith(`Bron: ${SEED_URL}\n`)).toBe(true);
    expect(text).toMatch(/Redactie Buitenland · AD · 13 augustus 2021, \d\d:12/);
  });

  it("copies the article as Markdown", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const view = open(seedArticle(), { lang: "en" });
    click(view.$("button[data-action='copy-markdown']"));
    await vi.waitFor(() => expect(view.$("[data-field='status']").textContent).toBe("Copied"));
    const markdown = writeText.mock.calls[0]?.[0] as string;
    expect(markdown.startsWith("# Taliban nemen ook Kandahar in")).toBe(true);
    expect(markdown).toContain("\n\n## Deal\n\n");
    expect(markdown.endsWith(`Source: <${SEED_URL}>\n`)).toBe(true);
  });

  it("says so when the clipboard refuses", async () => {
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error("NotAllowedError")) } });
    const view = open();
    click(view.$("button[data-action='copy-text']"));
    await vi.waitFor(() =>
      expect(view.$("[data-field='status']").textContent).toBe(
        "Kopiëren is niet gelukt: de browser gaf geen toegang tot het klembord.",
      ),
    );
    expect(view.$("[data-field='status']").getAttribute("role")).toBe("status");
  });

  it("says so when there is no clipboard at all", async () => {
    vi.stubGlobal("navigator", { ...navigator, clipboard: undefined });
    const view = open();
    click(view.$("button[data-action='copy-markdown']"));
    await vi.waitFor(() => expect(view.$("[data-field='status']").textContent).toMatch(/^Kopiëren is niet gelukt/));
  });

  it("clears the message after a while", async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText: vi.fn().mockResolvedValue(undefined) } });
      const view = open();
      click(view.$("button[data-action='copy-text']"));
      await vi.advanceTimersByTimeAsync(10);
      expect(view.$("[data-field='status']").textContent).toBe("Gekopieerd");
      await vi.advanceTimersByTimeAsync(5000);
      expect(view.$("[data-field='status']").textContent).toBe("");
    } finally {
      vi.useRealTimers();
    }
  });

  it("prints with the browser's print dialog", () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    const view = open();
    click(view.$("button[data-action='print']"));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
