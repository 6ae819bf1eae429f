/**
 * Debian Chromium with the built extension, through playwright-core. Playwright's
 * `headless: true` starts Chromium's new headless mode (the full browser), which loads
 * unpacked extensions; the old headless shell would not.
 *
 * The popup is the real one: `chrome.action.openPopup()` from the service worker opens it
 * over the active tab, and since Playwright does not adopt popup targets, it is driven over
 * a raw CDP session (Target.attachToTarget without flatten + Target.sendMessageToTarget).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from "playwright-core";
import type { Request, TabStatus } from "../../../src/shared/messages";
import { chromiumPath } from "./browsers";
import chromiumFlags from "./chromium-flags.json";
import { CdpTarget } from "./cdp-target";
import { inViewOverCdp } from "./closed-root";
import { FixtureSite } from "./fixture-site";
import type { Fixture } from "../../../scripts/lib/fixtures";
import { builtExtension, builtExtensionWithMarks } from "./paths";
import { pointToClick } from "./reading-view";
import {
  ExtensionPageTab,
  isExtensionOrigin,
  PHONE_WIDTH,
  readWelcomePage,
  waitFor,
  type BrowserSession,
  type InterfaceLanguage,
  type Popup,
  type Tab,
  type WelcomePageSeen,
} from "./session";

const FLAGS = chromiumFlags.flags;

export interface ChromiumOptions {
  /** Reuse a profile (the restart test); by default a fresh temporary one, removed on close. */
  userDataDir?: string;
  site?: FixtureSite;
  /** Load the build with performance marks (for the tests and benchmarks that read them); by default the shipped build. */
  marks?: boolean;
  /**
   * The browser's UI language, which the extension's texts follow: Dutch (our readers') by default.
   * `--lang` is what sets it (Chromium 150 and 156, headless): the LANGUAGE and LANG variables and
   * `intl.accept_languages` change nothing, and `chrome.i18n.getUILanguage()` says en-US whatever
   * the flag, so the launch checks the extension's own `ui_lang` message instead.
   */
  language?: InterfaceLanguage;
}

export class ChromiumTab implements Tab {
  constructor(readonly page: Page, readonly url: string) {}
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>;
  }
  private cdp: Promise<CDPSession> | null = null;
  /** The view's root is closed: reached over CDP (closed-root.ts), as no page script can. */
  async inView<R, A>(fn: (root: ShadowRoot | null, arg: A) => R, arg: A): Promise<R> {
    this.cdp ??= this.page.context().newCDPSession(this.page);
    return inViewOverCdp(await this.cdp, fn, arg);
  }
  async clickInView(selector: string): Promise<void> {
    const point = await this.inView(pointToClick, selector);
    if (!point) throw new Error(`no ${selector} in the reading view`);
    await this.page.mouse.click(point.x, point.y);
  }
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }
  /**
   * Runs a self-contained function in the content script's isolated world, where the extension
   * sees its own `window.speechSynthesis`: a page's changes to its own world never reach there,
   * so this is the one place a test can put a stand-in engine the view will use.
   */
  async inContentScript<R, A>(fn: (arg: A) => R, arg: A): Promise<R> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
      cdp.on("Runtime.executionContextCreated", ({ context }) => contexts.push(context));
      await cdp.send("Runtime.enable");
      const world = contexts.find((c) => c.auxData?.type === "isolated" && c.name === "Leesrust");
      if (!world) throw new Error(`no content-script world in the page (worlds: ${contexts.map((c) => c.name || "main").join(", ")})`);
      const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
        expression: `(${fn.toString()})(${JSON.stringify(arg) ?? "undefined"})`,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`in the content script's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as R;
    } finally {
      await cdp.detach();
    }
  }
  setViewport(width: number, height: number): Promise<void> {
    return this.page.setViewportSize({ width, height });
  }
  /**
   * A finger's swipe: touch emulation on, then touch events through the browser's input pipeline
   * (a finger moving up scrolls down). CDP's synthesized touch scroll gesture scrolls nothing headless.
   */
  async swipe(x: number, y: number, deltaY: number): Promise<void> {
    this.cdp ??= this.page.context().newCDPSession(this.page);
    const cdp = await this.cdp;
    await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
    const touch = (type: "touchStart" | "touchMove", at: number) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: [{ x, y: at }] });
    await touch("touchStart", y);
    const steps = 30;
    for (let i = 1; i <= steps; i++) await touch("touchMove", y - (deltaY * i) / steps);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

class ChromiumPopup implements Popup {
  private constructor(private readonly target: CdpTarget) {}

  static async open(browserSession: CDPSession, popupUrl: string): Promise<ChromiumPopup> {
    const popup = new ChromiumPopup(await CdpTarget.attach(browserSession, "page", popupUrl, "the extension popup to open"));
    await waitFor("the popup document to load", () => popup.evaluate(() => document.readyState === "complete", undefined));
    return popup;
  }

  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R> {
    return this.target.evaluate(fn, arg);
  }

  /** At 1× scale, as a reader sees it on an ordinary screen. */
  async screenshot(path: string): Promise<void> {
    const size = await this.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }), undefined);
    const { data } = await this.target.call<{ data: string }>("Page.captureScreenshot", { format: "png", clip: { x: 0, y: 0, ...size, scale: 1 } });
    writeFileSync(path, Buffer.from(data, "base64"));
  }

  async close(): Promise<void> {
    await this.evaluate(() => window.close(), undefined).catch(() => undefined);
  }
}

export class ChromiumSession implements BrowserSession {
  readonly browserName = "chromium";
  private context!: BrowserContext;
  private worker!: Worker;
  private extensionId = "";
  welcomePage: WelcomePageSeen | null = null;
  private started = false;
  private readonly problems: string[] = [];
  private readonly ownsProfile: boolean;
  readonly userDataDir: string;

  private constructor(
    readonly site: FixtureSite,
    userDataDir: string | undefined,
    private readonly language: InterfaceLanguage,
    private readonly marks: boolean,
  ) {
    this.ownsProfile = userDataDir === undefined;
    this.userDataDir = userDataDir ?? mkdtempSync(join(tmpdir(), "leesrust-chromium-"));
  }

  static async launch(options: ChromiumOptions = {}): Promise<ChromiumSession> {
    const session = new ChromiumSession(options.site ?? new FixtureSite(), options.userDataDir, options.language ?? "nl", options.marks ?? false);
    try {
      await session.start();
    } catch (error) {
      // A browser that never came up leaves no session to close: drop its profile here.
      if (session.ownsProfile) rmSync(session.userDataDir, { recursive: true, force: true });
      throw error;
    }
    return session;
  }

  private async start(): Promise<void> {
    const extension = this.marks ? builtExtensionWithMarks("chrome") : builtExtension("chrome");
    this.context = await chromium.launchPersistentContext(this.userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, `--lang=${this.language}`, ...FLAGS],
    });
    // Every request of every page, extension page and worker passes here, so it is recorded.
    await this.context.route("**/*", async (route) => {
      const request = route.request();
      const url = request.url();
      const frameUrl = request.serviceWorker() ? null : safeFrameUrl(request.frame.bind(request));
      const source = request.serviceWorker() ? "extension worker" : frameUrl?.startsWith("chrome-extension:") ? "extension page" : "page";
      this.site.record(url, source);
      if (!/^https?:/i.test(url)) return route.fallback();
      const served = this.site.respond(url);
      return served ? route.fulfill(served) : route.abort("blockedbyclient");
    });
    this.context.on("console", (message) => {
      if (message.type() !== "error" && message.type() !== "warning") return;
      const where = message.location().url;
      if (isExtensionOrigin(where) || isExtensionOrigin(message.text())) this.problems.push(`console.${message.type()}: ${message.text()} (${where})`);
    });
    this.context.on("weberror", (error) => {
      const stack = error.error().stack ?? error.error().message;
      if (isExtensionOrigin(stack)) this.problems.push(`uncaught: ${stack}`);
    });
    this.worker =
      this.context.serviceWorkers()[0] ??
      (await this.context.waitForEvent("serviceworker", { timeout: 15_000 }).catch(() => {
        throw new Error(`The extension's service worker did not start: Chromium did not load ${extension} (broken or half-written build?).`);
      }));
    this.extensionId = new URL(this.worker.url()).host;
    const uiLang = await this.worker.evaluate(() => chrome.i18n.getMessage("ui_lang"));
    if (uiLang !== this.language) throw new Error(`The extension's texts are in ${uiLang || "no language"}, not ${this.language}: Chromium ignored --lang`);
    // --load-extension into a fresh profile is an install: the extension opens its welcome page.
    if (!this.started) this.welcomePage = await this.closeWelcomePage();
    this.started = true;
    await this.watchWorkerErrors();
  }

  /** Reads the welcome page the extension opened at phone width, and closes it. */
  private async closeWelcomePage(): Promise<WelcomePageSeen> {
    const url = `chrome-extension://${this.extensionId}/welcome.html`;
    const page = await waitFor("the welcome page to open after install", async () => this.context.pages().find((p) => p.url() === url));
    await page.waitForLoadState("load");
    await page.setViewportSize({ width: PHONE_WIDTH, height: 640 });
    const seen = await page.evaluate(readWelcomePage);
    await page.close();
    return seen;
  }

  /**
   * Uncaught errors in the service worker reach no Playwright event (its console messages do,
   * through the context's "console"), so they are taken from the worker's own Runtime domain.
   */
  private async watchWorkerErrors(): Promise<void> {
    const browserSession = await this.context.browser()!.newBrowserCDPSession();
    const worker = await CdpTarget.attach(browserSession, "service_worker", `chrome-extension://${this.extensionId}/`, "the service worker target");
    worker.on("Runtime.exceptionThrown", (params) => {
      const { exceptionDetails } = params as { exceptionDetails: { text: string; exception?: { description?: string } } };
      this.problems.push(`uncaught in the service worker: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    });
    await worker.call("Runtime.enable");
  }

  async open(fixture: Fixture, at?: string): Promise<ChromiumTab> {
    const url = this.site.serve(fixture, at);
    const blank = this.context.pages().find((p) => p.url() === "about:blank");
    const page = blank ?? (await this.context.newPage());
    await page.goto(url, { waitUntil: "load" });
    return new ChromiumTab(page, url);
  }

  /** The browser's id of the tab: the active one once the tab is in front (no "tabs" permission needed). */
  private async tabId(tab: Tab): Promise<number> {
    await tab.bringToFront();
    const id = await this.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    if (id === undefined) throw new Error("no active tab");
    return id;
  }

  async request(tab: Tab, request: Request): Promise<TabStatus | null> {
    const tabId = await this.tabId(tab);
    return this.worker.evaluate(
      ([id, message]) => chrome.tabs.sendMessage(id, message).then((s) => (s ?? null) as TabStatus | null, () => null),
      [tabId, request] as const,
    );
  }

  async badge(tab: Tab): Promise<string> {
    const tabId = await this.tabId(tab);
    return this.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  async popup(tab: Tab): Promise<Popup> {
    await tab.bringToFront();
    const browserSession = await this.context.browser()!.newBrowserCDPSession();
    const opened = await this.worker.evaluate(() => chrome.action.openPopup().then(() => "ok", (e: unknown) => String(e)));
    if (opened !== "ok") throw new Error(`chrome.action.openPopup() failed: ${opened}`);
    return ChromiumPopup.open(browserSession, `chrome-extension://${this.extensionId}/popup.html`);
  }

  async popupAsTab(tab: Tab): Promise<Popup> {
    await tab.bringToFront();
    const page = await this.context.newPage();
    await page.bringToFront();
    await page.goto(`chrome-extension://${this.extensionId}/popup.html`, { waitUntil: "load" });
    return new ExtensionPageTab(page);
  }

  async extensionPage(path: string): Promise<Popup> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/${path}`, { waitUntil: "load" });
    return new ExtensionPageTab(page);
  }

  async shortcuts(): Promise<Record<string, string>> {
    return this.worker.evaluate(async () => Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name ?? "", c.shortcut ?? ""])));
  }

  async cookies(): Promise<string[]> {
    return (await this.context.cookies()).map((c) => `${c.name}=${c.value} (${c.domain})`);
  }

  async extensionProblems(): Promise<string[]> {
    return [...this.problems];
  }

  async restart(): Promise<void> {
    await this.context.close();
    await this.start();
  }

  async close(): Promise<void> {
    await this.context.close();
    if (this.ownsProfile) rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

function safeFrameUrl(frame: () => { url(): string }): string | null {
  try {
    return frame().url();
  } catch {
    return null;
  }
}
