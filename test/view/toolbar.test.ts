import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, VIEW_LIMITS } from "../../src/shared/settings";
import { ICONS } from "../../src/inject/view/icons";
import { createControls } from "../../src/inject/view/controls";
import { SEED_URL, closeAll, open, openSettings, seedArticle, translator } from "./helpers";

vi.mock("../../src/inject/view/load-module", () => import("./lazy-modules"));

afterEach(() => {
  closeAll();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const click = (el: Element) => (el as HTMLElement).click();

/** As the reader does: open the copy menu, pick a format; the menu closes and focus goes back to its button. */
function copyAs(view: ReturnType<typeof open>, format: "text" | "markdown") {
  click(view.$("button[data-action='copy']"));
  click(view.$(`button[data-action='copy-${format}']`));
  expect(view.$("#lr-copy-menu").hidden).toBe(true);
  expect(view.shadow.activeElement).toBe(view.$("button[data-action='copy']"));
}

describe("toolbar", () => {
  it("labels every control, and gives each icon button a tooltip with the same words", () => {
    const view = open();
    openSettings(view);
    for (const control of view.$$("button")) {
      const name = control.getAttribute("aria-label") ?? control.textContent ?? "";
      expect(name.trim().length, control.outerHTML).toBeGreaterThan(1);
    }
    for (const button of view.$$(".lr-icon-button")) {
      expect(button.title).toBe(button.getAttribute("aria-label"));
      expect(button.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    }
    for (const input of view.$$<HTMLInputElement>("input")) {
      expect(input.closest("label")?.textContent?.trim()).toBeTruthy();
    }
    expect(view.$(".lr-bar").getAttribute("aria-label")).toBe("Leesweergave");
  });

  it("names its buttons in one mood: infinitives", () => {
    const view = open();
    const names = view.$$(".lr-bar button").map((b) => b.getAttribute("aria-label") ?? b.textContent);
    expect(names).toEqual(["Sluiten", "Voorlezen", "Kopiëren", "Als tekst kopiëren", "Als Markdown kopiëren", "Afdrukken", "Weergave aanpassen"]);
  });

  it("opens and closes the settings as a popover hanging from its button, Tab going on into it", () => {
    const view = open();
    const toggle = view.$("button[data-action='settings']");
    const panel = view.$(`#${toggle.getAttribute("aria-controls")}`);
    // Last button of the bar, right before the panel in tab order.
    expect(view.$$(".lr-bar-row > * > button, .lr-bar-row > button").at(-1)).toBe(toggle);
    expect(toggle.nextElementSibling).toBe(panel);
    expect(panel.hidden).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    click(toggle);
    expect(panel.hidden).toBe(false);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    click(toggle);
    expect(panel.hidden).toBe(true);
  });

  it("keeps one popover open at a time, and a click beside it closes it", () => {
    const view = open();
    click(view.$("button[data-action='copy']"));
    expect(view.$("#lr-copy-menu").hidden).toBe(false);
    openSettings(view);
    expect(view.$("#lr-copy-menu").hidden).toBe(true);
    expect(view.$("#lr-settings").hidden).toBe(false);
    click(view.$("[data-setting='theme'] label"));
    expect(view.$("#lr-settings").hidden).toBe(false);
    click(view.$("article p"));
    expect(view.$("#lr-settings").hidden).toBe(true);
  });

  it("takes more buttons, before the copy menu, with a label, an icon and a handler", () => {
    const events = { close: vi.fn(), change: vi.fn(), copy: vi.fn(), print: vi.fn() };
    const controls = createControls(translator("nl"), DEFAULT_SETTINGS.view, events);
    const onClick = vi.fn();
    const button = controls.addToolbarButton("Voorlezen", ICONS.speaker, onClick);
    expect(button.nextElementSibling).toBe(controls.bar.querySelector("button[data-action='copy']")?.parentElement);
    expect(button.getAttribute("aria-label")).toBe("Voorlezen");
    expect(button.title).toBe("Voorlezen");
    click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe("the toolbar steps aside while reading", () => {
  function scrollTo(view: ReturnType<typeof open>, top: number) {
    const root = view.$(".lr-root");
    root.scrollTop = top;
    root.dispatchEvent(new Event("scroll"));
  }

  it("hides on scrolling down, returns on scrolling up or on focus", () => {
    const view = open();
    const bar = view.$(".lr-bar");
    scrollTo(view, 400);
    expect(bar.hasAttribute("data-hidden")).toBe(true);
    scrollTo(view, 300);
    expect(bar.hasAttribute("data-hidden")).toBe(false);
    scrollTo(view, 800);
    expect(bar.hasAttribute("data-hidden")).toBe(true);
    view.$("button[data-action='close']").focus();
    expect(bar.hasAttribute("data-hidden")).toBe(false);
  });

  it("stays while a popover is open, and near the top", () => {
    const view = open();
    scrollTo(view, 60);
    expect(view.$(".lr-bar").hasAttribute("data-hidden")).toBe(false);
    openSettings(view);
    scrollTo(view, 900);
    expect(view.$(".lr-bar").hasAttribute("data-hidden")).toBe(false);
  });
});

describe("display settings", () => {
  it("starts from the settings it was given", () => {
    const view = open(seedArticle(), { settings: { theme: "sepia", font: "sans", size: 24, width: "narrow", spacing: 1.8, hideUnlinkedNotes: true, readAloudRate: 1 } });
    openSettings(view);
    const root = view.$(".lr-root");
    expect(root.dataset.theme).toBe("sepia");
    expect(root.dataset.font).toBe("sans");
    expect(root.style.getPropertyValue("--lr-size")).toBe("24px");
    expect(root.style.getPropertyValue("--lr-column")).toMatch(/^calc\(var\(--lr-size\) \* \d+(\.\d+)?\)$/);
    expect(root.style.getPropertyValue("--lr-spacing")).toBe("1.8");
    expect(view.$<HTMLInputElement>("input[name='lr-theme'][value='sepia']").checked).toBe(true);
    expect(view.$<HTMLInputElement>("input[name='lr-font'][value='sans']").checked).toBe(true);
    expect(view.$("[data-setting='size'] output").textContent).toBe("24 px");
    expect(view.$<HTMLInputElement>("input[name='lr-width'][value='narrow']").checked).toBe(true);
    expect(view.$<HTMLInputElement>("input[name='lr-hide-unlinked']").checked).toBe(true);
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

  it("applies a width and the notes choice at once and reports them", () => {
    const view = open();
    openSettings(view);
    expect(view.$$("[data-setting='width'] label").map((l) => l.textContent)).toEqual(["Smal", "Middel", "Breed"]);
    const column = () => view.$(".lr-root").style.getPropertyValue("--lr-column");
    const medium = column();
    click(view.$("input[name='lr-width'][value='wide']"));
    expect(column()).not.toBe(medium);
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.view, width: "wide" });
    click(view.$("input[name='lr-hide-unlinked']"));
    expect(view.$(".lr-root").dataset.unlinkedNotes).toBe("hidden");
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.view, width: "wide", hideUnlinkedNotes: true });
  });

  it("steps size and spacing with − and +, and reports each change", () => {
    const view = open();
    openSettings(view);
    const root = view.$(".lr-root");
    click(view.$("button[data-action='size-up']"));
    expect(root.style.getPropertyValue("--lr-size")).toBe(`${DEFAULT_SETTINGS.view.size + 2}px`);
    click(view.$("button[data-action='spacing-up']"));
    expect(root.style.getPropertyValue("--lr-spacing")).toBe("1.7");
    expect(view.$("[data-setting='spacing'] output").textContent).toBe("1,7");
    expect(view.onSettingsChange).toHaveBeenCalledTimes(2);
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({
      ...DEFAULT_SETTINGS.view,
      size: DEFAULT_SETTINGS.view.size + 2,
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
    const elsewhere = { theme: "light", font: "sans", size: 18, width: "wide", spacing: 2, hideUnlinkedNotes: false, readAloudRate: 1 } as const;
    view.handle.update(elsewhere);
    // The panel, filled on first open, shows the settings as they are now.
    openSettings(view);
    const root = view.$(".lr-root");
    expect(root.dataset.theme).toBe("light");
    expect(root.dataset.font).toBe("sans");
    expect(root.style.getPropertyValue("--lr-size")).toBe("18px");
    expect(view.$<HTMLInputElement>("input[name='lr-theme'][value='light']").checked).toBe(true);
    expect(view.$<HTMLInputElement>("input[name='lr-width'][value='wide']").checked).toBe(true);
    expect(view.onSettingsChange).not.toHaveBeenCalled();
    // The next step starts from the updated value, not the original one.
    click(view.$("button[data-action='size-up']"));
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ ...elsewhere, size: 20 });
  });
});

describe("copy and print", () => {
  it("copies the article as text and confirms it", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const view = open();
    copyAs(view, "text");
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
    copyAs(view, "markdown");
    await vi.waitFor(() => expect(view.$("[data-field='status']").textContent).toBe("Copied"));
    const markdown = writeText.mock.calls[0]?.[0] as string;
    expect(markdown.startsWith("# Taliban nemen ook Kandahar in")).toBe(true);
    expect(markdown).toContain("\n\n## Deal\n\n");
    expect(markdown.endsWith(`Source: <${SEED_URL}>\n`)).toBe(true);
  });

  it("says so when the clipboard refuses", async () => {
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error("NotAllowedError")) } });
    const view = open();
    copyAs(view, "text");
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
    copyAs(view, "markdown");
    await vi.waitFor(() => expect(view.$("[data-field='status']").textContent).toMatch(/^Kopiëren is niet gelukt/));
  });

  it("clears the message after a while", async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText: vi.fn().mockResolvedValue(undefined) } });
      const view = open();
      copyAs(view, "text");
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
