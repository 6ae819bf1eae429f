/**
 * What a test does with a browser that has the built extension loaded, the same for
 * Chromium and Firefox, so each check is written once.
 */
import type { Request, TabStatus } from "../../../src/shared/messages";
import type { FixtureSite } from "./fixture-site";
import type { Fixture } from "../../../scripts/lib/fixtures";

/** One browser tab showing a fixture. */
export interface Tab {
  readonly url: string;
  /** Runs a self-contained function in the page's main world. */
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  /**
   * Runs a self-contained function on the reading view's closed shadow root (null while no
   * view is open), in a world of the harness's own beside the page's; the argument and the
   * result travel as JSON. The only way tests reach into the view: the page cannot, and how the
   * harness does (closed-root.ts) is its own business.
   */
  inView<R, A>(fn: (root: ShadowRoot | null, arg: A) => R, arg: A): Promise<R>;
  press(key: string): Promise<void>;
  /**
   * Scrolls what is under (x, y) by `deltaY` px the way the browser's automation can: a touch swipe
   * in Chromium (touch emulation, CDP's synthesized scroll gesture), the mouse wheel in Firefox.
   */
  swipe(x: number, y: number, deltaY: number): Promise<void>;
  /** Resizes the tab's viewport (CSS px). */
  setViewport(width: number, height: number): Promise<void>;
  /** A real mouse click on an element inside the reading view's shadow root. */
  clickInView(selector: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** The extension's popup, acting on the tab that was active when it opened. */
export interface Popup {
  /** Runs a self-contained function in the popup page. */
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** What Playwright's and Puppeteer's pages both offer, all an extension page in a tab needs. */
interface PageLike {
  evaluate(fn: (arg: unknown) => unknown, arg: unknown): Promise<unknown>;
  screenshot(options: { path: string }): Promise<unknown>;
  close(): Promise<void>;
}

/** One of the extension's pages in a tab of its own (in Firefox the popup too), in either browser. */
export class ExtensionPageTab implements Popup {
  constructor(private readonly page: PageLike) {}
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

/** The interface languages the browser tests run the extension in (Dutch, our readers', by default). */
export type InterfaceLanguage = "nl" | "fr" | "en";

/** What the welcome page showed when the extension opened it after install, at phone width. */
export interface WelcomePageSeen {
  url: string;
  lang: string;
  heading: string;
  /** The privacy gate's choices listed. */
  choices: number;
  /** The viewport's width it was read at, and whether it scrolled sideways there. */
  width: number;
  scrollsSideways: boolean;
}

/** The width the welcome page must fit (the narrowest phones). */
export const PHONE_WIDTH = 320;

/** Runs in the welcome page: what it shows, and whether it fits the viewport's width. */
export function readWelcomePage(): WelcomePageSeen {
  return {
    url: location.href,
    lang: document.documentElement.lang,
    heading: document.querySelector("h1")?.textContent ?? "",
    choices: document.querySelectorAll("#privacy-gate li").length,
    width: window.innerWidth,
    scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  };
}

export interface BrowserSession {
  readonly browserName: "chromium" | "firefox";
  readonly site: FixtureSite;
  /**
   * The welcome page the extension opened after this session installed it, as read at phone width
   * before the harness closed it (tests expect the article tab they open to be the active one);
   * null when the session started on a profile that already had the extension.
   */
  readonly welcomePage: WelcomePageSeen | null;
  /** Opens the fixture at its real address (or at `at`) in a new tab and waits for the load event. */
  open(fixture: Fixture, at?: string): Promise<Tab>;
  /** Sends a request to the tab's content script, as the popup does; null when nothing answers. */
  request(tab: Tab, request: Request): Promise<TabStatus | null>;
  badge(tab: Tab): Promise<string>;
  /** Opens the popup for this tab. */
  popup(tab: Tab): Promise<Popup>;
  /**
   * The popup as Firefox for Android shows it: its page in a new tab of the window, opened after
   * `tab` and made the active tab, so that the popup's own active tab is itself.
   */
  popupAsTab(tab: Tab): Promise<Popup>;
  /** Opens one of the extension's own pages ("options.html") in a tab of its own. */
  extensionPage(path: string): Promise<Popup>;
  cookies(): Promise<string[]>;
  /** The keyboard shortcut the browser assigned to each of the extension's commands. */
  shortcuts(): Promise<Record<string, string>>;
  /** Errors and warnings that came from the extension's scripts (content script, pages, worker). */
  extensionProblems(): Promise<string[]>;
  /** Closes and relaunches the browser with the same profile. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Polls until `probe` returns something other than null/undefined/false, or fails with `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Marks console output as the extension's when its source or stack points into the extension. */
export function isExtensionOrigin(text: string): boolean {
  return /(chrome|moz)-extension:\/\//.test(text) || /leesrust/i.test(text);
}
