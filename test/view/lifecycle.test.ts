import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { HOST_ID, PAGE_STYLE_ID, prepareReadingView } from "../../src/inject/view/index";
import { SEED_URL, afterFirstFrame, closeAll, open, openSettings, pressKey, seedArticle, viewOptions } from "./helpers";

/** A page as DPG serves it, with its own styles, focusable controls and inline style on <html>. */
function loadPage() {
  document.documentElement.setAttribute("style", "scroll-behavior: smooth; color: red");
  document.head.innerHTML = `<title>Kandahar</title><style>div { display: none !important; } * { all: unset !important; }</style>`;
  document.body.innerHTML = `
    <main id="main"><article id="article-content"><header><h1>Taliban nemen Kandahar in</h1></header>
    <section><p>De Taliban hebben ook de stad Kandahar ingenomen.</p>
    <div><p>Onze excuses</p><button id="consent">Aanvaard</button></div>
    <input id="search" type="search"></section></article></main>`;
}

let scroll: { x: number; y: number };

beforeEach(() => {
  loadPage();
  scroll = { x: 0, y: 1234 };
  vi.spyOn(window, "scrollX", "get").mockImplementation(() => scroll.x);
  vi.spyOn(window, "scrollY", "get").mockImplementation(() => scroll.y);
  vi.spyOn(window, "scrollTo").mockImplementation(((options: ScrollToOptions) => {
    scroll = { x: options.left ?? 0, y: options.top ?? 0 };
  }) as typeof window.scrollTo);
});

afterEach(() => {
  closeAll();
  vi.restoreAllMocks();
});

describe("opening and closing the reading view", () => {
  it("changes nothing on the page but its own host and page style, and removes both on close", async () => {
    const before = document.documentElement.outerHTML;
    const body = document.body.innerHTML;
    const view = open();
    await afterFirstFrame();
    expect(document.body.innerHTML).toBe(body);
    expect(document.documentElement.getAttribute("style")).toBe("scroll-behavior: smooth; color: red");
    const pageStyle = document.getElementById(PAGE_STYLE_ID);
    expect(pageStyle?.parentNode).toBe(document.head);
    expect(pageStyle?.textContent).toContain("@media print");
    expect(pageStyle?.textContent).toContain("overflow: hidden");
    view.$<HTMLButtonElement>("button[data-action='close']").click();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(view.onClose).toHaveBeenCalledTimes(1);
  });

  it("moves focus into the view and gives it back on Escape", () => {
    const search = document.getElementById("search") as HTMLInputElement;
    search.focus();
    const view = open();
    expect(document.activeElement).toBe(view.host);
    // The dialog itself, named by the title: the first Tab goes to the toolbar.
    expect(view.shadow.activeElement).toBe(view.$(".lr-root"));
    const event = pressKey("Escape");
    expect(event.defaultPrevented).toBe(true);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.activeElement).toBe(search);
    expect(view.onClose).toHaveBeenCalledTimes(1);
  });

  it("closes on Escape wherever focus is, and the page's own Escape handlers do not also fire", () => {
    const pageHandler = vi.fn();
    document.body.addEventListener("keydown", pageHandler);
    open();
    pressKey("Escape", {}, document.body);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(pageHandler).not.toHaveBeenCalled();
  });

  it("closes an open settings panel on the first Escape and the view on the next", () => {
    const view = open();
    const settings = view.$<HTMLButtonElement>("button[data-action='settings']");
    settings.click();
    const panel = view.$<HTMLElement>("#lr-settings");
    expect(panel.hidden).toBe(false);
    pressKey("Escape");
    expect(panel.hidden).toBe(true);
    expect(settings.getAttribute("aria-expanded")).toBe("false");
    expect(view.shadow.activeElement).toBe(settings);
    expect(document.getElementById(HOST_ID)).not.toBeNull();
    expect(view.onClose).not.toHaveBeenCalled();
    pressKey("Escape");
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(view.onClose).toHaveBeenCalledTimes(1);
  });

  it("leaves keys alone once closed", () => {
    const view = open();
    view.handle.close();
    const event = pressKey("Escape", {}, document.body);
    expect(event.defaultPrevented).toBe(false);
    expect(view.onClose).toHaveBeenCalledTimes(1);
  });

  it("does not close while an input method is composing", () => {
    open();
    pressKey("Escape", { isComposing: true });
    expect(document.getElementById(HOST_ID)).not.toBeNull();
  });

  it("restores the page's scroll position", () => {
    const view = open();
    scroll = { x: 0, y: 0 };
    view.handle.close();
    expect(window.scrollTo).toHaveBeenCalledWith({ left: 0, top: 1234, behavior: "instant" });
    expect(scroll).toEqual({ x: 0, y: 1234 });
  });

  it("does not scroll when nothing moved", () => {
    open().handle.close();
    expect(window.scrollTo).not.toHaveBeenCalled();
  });

  it("closes once however often close is called, even from inside onClose", () => {
    const view = open();
    view.onClose.mockImplementation(() => view.handle.close());
    view.handle.close();
    view.handle.close();
    expect(view.onClose).toHaveBeenCalledTimes(1);
  });

  it("lets the original-article link open the page, as a link does", () => {
    const view = open();
    const link = view.$<HTMLAnchorElement>("a[data-field='original']");
    let prevented: boolean | null = null;
    // Last in line, to see what the view did; then stopped, as jsdom would try to navigate.
    document.addEventListener("click", (e) => ((prevented = e.defaultPrevented), e.preventDefault()), { once: true });
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true, button: 0 }));
    expect(prevented).toBe(false);
    expect(link.href).toBe(SEED_URL);
    view.handle.close();
  });

  it("adds the page style only after the view's first frame, and not at all if closed before", async () => {
    const view = open();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
    view.handle.close();
    await afterFirstFrame();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
  });

  it("replaces a view left behind by an earlier content script instead of stacking on it", async () => {
    const first = open();
    await afterFirstFrame();
    const second = open();
    await afterFirstFrame();
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
    expect(document.querySelectorAll(`#${PAGE_STYLE_ID}`)).toHaveLength(1);
    // The old view's key handler notices it is gone and steps aside for the new one.
    second.$("button[data-action='close']").focus();
    expect(pressKey("Tab").defaultPrevented).toBe(false);
    expect(first.onClose).toHaveBeenCalledTimes(1);
    expect(second.shadow.activeElement?.getAttribute("data-action")).toBe("close");
    pressKey("Escape");
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
    expect(second.onClose).toHaveBeenCalledTimes(1);
  });

  it("never adds its page style after a newer view replaced it within the same frame", async () => {
    open();
    const second = open();
    await afterFirstFrame();
    expect(document.querySelectorAll(`#${PAGE_STYLE_ID}`)).toHaveLength(1);
    second.handle.close();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
  });

  it("stops handling keys when the page removes the view", async () => {
    const view = open();
    await afterFirstFrame();
    view.host.remove();
    expect(pressKey("Tab", {}, document.body).defaultPrevented).toBe(false);
    expect(view.onClose).toHaveBeenCalledTimes(1);
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
  });
});

describe("keyboard focus stays in the view", () => {
  it("wraps Tab from the last control to the first and Shift+Tab back", () => {
    const view = open();
    const tabbable = view.$$("a[href], button, input:checked");
    const first = tabbable[0];
    const last = tabbable[tabbable.length - 1];
    expect(first?.dataset.action).toBe("close");
    last?.focus();
    expect(pressKey("Tab").defaultPrevented).toBe(true);
    expect(view.shadow.activeElement).toBe(first);
    expect(pressKey("Tab", { shiftKey: true }).defaultPrevented).toBe(true);
    expect(view.shadow.activeElement).toBe(last);
  });

  it("lets Tab move normally between controls", () => {
    const view = open();
    view.$("button[data-action='close']").focus();
    expect(pressKey("Tab").defaultPrevented).toBe(false);
  });

  it("pulls focus back into the view when it was outside", () => {
    const view = open();
    (document.getElementById("search") as HTMLInputElement).focus();
    expect(pressKey("Tab").defaultPrevented).toBe(true);
    expect(view.shadow.activeElement?.getAttribute("data-action")).toBe("close");
  });

  it("skips the hidden settings panel", () => {
    const view = open();
    // Opened once and closed again: filled with controls, but hidden.
    openSettings(view);
    openSettings(view);
    const last = view.$$("a[href], button").at(-1);
    expect(last?.closest("[hidden]")).toBeNull();
    expect(view.$$(".lr-settings button").length).toBeGreaterThan(0);
    last?.focus();
    pressKey("Tab");
    expect(view.shadow.activeElement?.getAttribute("data-action")).toBe("close");
  });
});

describe("a view prepared ahead (while the popup is open)", () => {
  it("puts nothing on the page until it is opened, and takes the place to return to only then", () => {
    const before = document.documentElement.outerHTML;
    const prepared = prepareReadingView(seedArticle(), viewOptions());
    expect(document.documentElement.outerHTML).toBe(before);
    (document.getElementById("search") as HTMLInputElement).focus();
    scroll = { x: 0, y: 400 };
    const handle = prepared.open(DEFAULT_SETTINGS.view);
    expect(document.getElementById(HOST_ID)).not.toBeNull();
    scroll = { x: 0, y: 0 };
    handle.close();
    expect(scroll.y).toBe(400);
    expect(document.activeElement?.id).toBe("search");
  });

  it("opens with the settings of that moment, and only once", () => {
    const prepared = prepareReadingView(seedArticle(), viewOptions());
    const handle = prepared.open({ ...DEFAULT_SETTINGS.view, theme: "dark", size: 24 });
    const root = prepared.root.querySelector<HTMLElement>(".lr-root")!;
    expect(root.dataset.theme).toBe("dark");
    expect(root.style.getPropertyValue("--lr-size")).toBe("24px");
    expect(() => prepared.open(DEFAULT_SETTINGS.view)).toThrow(/once/);
    handle.close();
  });
});
