/**
 * Debian Firefox ESR with the built extension, through puppeteer-core over WebDriver BiDi.
 *
 * - The extension is installed as a temporary add-on (`browser.installExtension`), with a
 *   fixed moz-extension UUID (pref) so its pages have a known address, and with its storage
 *   kept across uninstall, so a restart with the same profile and a reinstall finds the
 *   reader's settings again, as a permanently installed add-on would.
 * - Firefox refuses to let a WebDriver client navigate to moz-extension:// pages unless it is
 *   started with --remote-allow-system-access; with it, the popup page is opened in a tab of
 *   the article's window while the article tab stays active, so the popup's own
 *   `tabs.query({active: true, currentWindow: true})` finds the article, as a real popup does.
 *   Nothing runs in the browser window itself: its globals differ between Firefox versions.
 * - Fixtures are answered by BiDi request interception at their https address; everything
 *   else Firefox sends goes to a refusing proxy that records it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import type { Request, TabStatus } from "../../../src/shared/messages";
import { firefoxPath } from "./browsers";
import { CatchAllProxy } from "./catch-all-proxy";
import { inViewOverBidi } from "./closed-root";
import { FixtureSite } from "./fixture-site";
import { installLangpack, languagePrefs } from "./firefox-locale";
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

const ADDON_ID = "leesrust@leesrust.nl";
const ADDON_UUID = "3d3c6d0e-6a53-4c59-9a0e-1e5a2c6f7b10";
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

function prefs(proxyPort: number, language: InterfaceLanguage): Record<string, unknown> {
  return {
    "extensions.webextensions.uuids": JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    "extensions.webextensions.keepStorageOnUninstall": true,
    "extensions.webextensions.keepUuidOnUninstall": true,
    ...languagePrefs(language),
    // Everything not intercepted goes to the recording proxy, loopback included.
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": proxyPort,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": proxyPort,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": true,
    // Firefox's own background traffic, so that whatever reaches the proxy is the extension's.
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "browser.safebrowsing.update.enabled": false,
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "extensions.getAddons.cache.enabled": false,
    "extensions.update.enabled": false,
    "app.normandy.enabled": false,
    "browser.newtabpage.activity-stream.feeds.system.topstories": false,
    // Firefox's HSTS preload list has DPG titles load over https whatever the address says; the suite
    // checks that a page that did come over plain http gets no content script.
    "network.stricttransportsecurity.preloadlist": false,
  };
}

type BidiConnection = { send(method: string, params: object): Promise<unknown> };

class FirefoxTab implements Tab {
  constructor(readonly page: Page, readonly url: string) {}
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>;
  }
  /** The view's root is closed: reached over WebDriver BiDi (closed-root.ts), as no page script can. */
  inView<R, A>(fn: (root: ShadowRoot | null, arg: A) => R, arg: A): Promise<R> {
    return inViewOverBidi(this.bidi, this.context, fn, arg);
  }
  private get bidi(): BidiConnection {
    return (this.page.browser() as unknown as { connection: BidiConnection }).connection;
  }
  private get context(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }
  async clickInView(selector: string): Promise<void> {
    const point = await this.inView(pointToClick, selector);
    if (!point) throw new Error(`no ${selector} in the reading view`);
    await this.page.mouse.click(point.x, point.y);
  }
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key as Parameters<Page["keyboard"]["press"]>[0]);
  }
  /**
   * WebDriver BiDi's own command: puppeteer's setViewport also overrides the screen orientation,
   * a command Firefox ESR 140 does not know.
   */
  async setViewport(width: number, height: number): Promise<void> {
    await this.bidi.send("browsingContext.setViewport", { context: this.context, viewport: { width, height } });
  }
  /** The mouse wheel: WebDriver BiDi has touch input, but headless Firefox does not scroll by it. */
  async swipe(x: number, y: number, deltaY: number): Promise<void> {
    await this.page.mouse.move(x, y);
    await this.page.mouse.wheel({ deltaY });
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

export interface FirefoxOptions {
  /** Reuse a profile (the restart test); by default a fresh temporary one, removed on close. */
  userDataDir?: string;
  site?: FixtureSite;
  /** Load the build with performance marks (for the tests and benchmarks that read them); by default the shipped build. */
  marks?: boolean;
  /** Firefox's interface language, which the extension's texts follow: Dutch (our readers') by default. */
  language?: InterfaceLanguage;
}

export class FirefoxSession implements BrowserSession {
  readonly browserName = "firefox";
  private browser!: Browser;
  private proxy: CatchAllProxy | undefined;
  /** An extension page in a background tab: the place to ask the browser's extension APIs. */
  private console!: Page;
  private readonly problems: string[] = [];
  private readonly ownsProfile: boolean;
  readonly userDataDir: string;
  welcomePage: WelcomePageSeen | null = null;

  private constructor(
    readonly site: FixtureSite,
    userDataDir: string | undefined,
    private readonly marks: boolean,
    private readonly language: InterfaceLanguage,
  ) {
    this.ownsProfile = userDataDir === undefined;
    this.userDataDir = userDataDir ?? mkdtempSync(join(tmpdir(), "leesrust-firefox-"));
  }

  static async launch(options: FirefoxOptions = {}): Promise<FirefoxSession> {
    const session = new FirefoxSession(options.site ?? new FixtureSite(), options.userDataDir, options.marks ?? false, options.language ?? "nl");
    try {
      await session.start();
    } catch (error) {
      // A session that never came up is nobody's to close: drop its browser, proxy and profile here.
      await session.browser?.close().catch(() => undefined);
      await session.proxy?.close();
      if (session.ownsProfile) rmSync(session.userDataDir, { recursive: true, force: true });
      throw error;
    }
    return session;
  }

  private async start(): Promise<void> {
    const extension = this.marks ? builtExtensionWithMarks("firefox") : builtExtension("firefox");
    this.proxy = await CatchAllProxy.start((url) => this.site.record(url, "proxy"));
    installLangpack(this.userDataDir, firefoxPath(), this.language);
    this.browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: firefoxPath(),
      headless: true,
      protocol: "webDriverBiDi",
      userDataDir: this.userDataDir,
      args: ["--remote-allow-system-access"],
      // Release builds ignore services.settings.server unless this is set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: prefs(this.proxy.port, this.language),
    });
    const id = await this.browser.installExtension(extension);
    if (id !== ADDON_ID) throw new Error(`installed add-on has id ${id}, expected ${ADDON_ID}`);
    // Every start installs the temporary add-on anew, so every start has the welcome page open.
    this.welcomePage = await this.closeWelcomePage();
    this.console = await this.openExtensionTab("options.html");
    const [uiLanguage, texts] = await this.console.evaluate(() => [browser.i18n.getUILanguage(), browser.i18n.getMessage("ui_lang")] as const);
    if (!uiLanguage.startsWith(this.language) || texts !== this.language) {
      throw new Error(`Firefox runs its interface in ${uiLanguage} (the extension's texts in ${texts}), not ${this.language}: its language pack did not load (see harness/firefox-locale.ts)`);
    }
  }

  private get bidi(): BidiConnection {
    return (this.browser as unknown as { connection: BidiConnection }).connection;
  }

  /** Reads the welcome page the extension opened at phone width, and closes it. */
  private async closeWelcomePage(): Promise<WelcomePageSeen> {
    const url = `${EXTENSION_ORIGIN}/welcome.html`;
    // Puppeteer keeps "about:blank" as the address of a tab the extension opened: ask the tab itself.
    const page = await waitFor("the welcome page to open after install", async () => {
      for (const page of await this.browser.pages()) {
        const loaded = await page.evaluate(() => document.readyState === "complete" && !!document.querySelector("h1")?.textContent && location.href).catch(() => false);
        if (loaded === url) return page;
      }
      return null;
    });
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await this.bidi.send("browsingContext.setViewport", { context, viewport: { width: PHONE_WIDTH, height: 640 } });
    const seen = await page.evaluate(readWelcomePage);
    await page.close();
    return seen;
  }

  /** Watches a tab: requests answered from the fixture site, console problems from the extension. */
  private async instrument(page: Page, source: string): Promise<void> {
    // A page's alert() would block its load forever (Playwright dismisses them in Chromium too).
    page.on("dialog", (dialog) => void dialog.dismiss().catch(() => undefined));
    page.on("console", (message) => {
      if (message.type() !== "error" && message.type() !== "warn") return;
      const where = message.location().url ?? "";
      if (isExtensionOrigin(where) || isExtensionOrigin(message.text())) this.problems.push(`console.${message.type()}: ${message.text()} (${where})`);
    });
    page.on("pageerror", (error) => {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      if (isExtensionOrigin(stack)) this.problems.push(`uncaught: ${stack}`);
    });
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      this.site.record(url, source);
      if (!/^https?:/i.test(url)) return void request.continue();
      const served = this.site.respond(url);
      if (served) void request.respond(served);
      else void request.abort("blockedbyclient");
    });
  }

  /**
   * Opens an extension page in a new tab and puts `front` back in front before the page
   * loads, so the page starts with `front` as the window's active tab.
   */
  private async openExtensionTab(path: string, front?: Tab | "itself"): Promise<Page> {
    const page = await this.browser.newPage();
    await this.instrument(page, "extension page");
    if (front === "itself") await page.bringToFront();
    else await front?.bringToFront();
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await this.bidi.send("browsingContext.navigate", { context, url: `${EXTENSION_ORIGIN}/${path}`, wait: "complete" });
    await waitFor(`${path} to load`, () => page.evaluate(() => document.readyState === "complete" && typeof browser !== "undefined"));
    return page;
  }

  async open(fixture: Fixture, at?: string): Promise<Tab> {
    const url = this.site.serve(fixture, at);
    const page = await this.browser.newPage();
    await this.instrument(page, "page");
    await page.goto(url, { waitUntil: "load" });
    return new FirefoxTab(page, url);
  }

  private async tabId(tab: Tab): Promise<number> {
    await tab.bringToFront();
    const id = await this.console.evaluate(async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id);
    if (id === undefined) throw new Error("no active tab");
    return id;
  }

  async request(tab: Tab, request: Request): Promise<TabStatus | null> {
    const tabId = await this.tabId(tab);
    return this.console.evaluate(
      ([id, message]) => browser.tabs.sendMessage(id, message).then((s) => (s ?? null) as TabStatus | null, () => null),
      [tabId, request] as const,
    );
  }

  async badge(tab: Tab): Promise<string> {
    const tabId = await this.tabId(tab);
    return this.console.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);
  }

  async popup(tab: Tab): Promise<Popup> {
    return new ExtensionPageTab(await this.openExtensionTab("popup.html", tab));
  }

  async popupAsTab(tab: Tab): Promise<Popup> {
    await tab.bringToFront();
    return new ExtensionPageTab(await this.openExtensionTab("popup.html", "itself"));
  }

  async extensionPage(path: string): Promise<Popup> {
    return new ExtensionPageTab(await this.openExtensionTab(path));
  }

  async cookies(): Promise<string[]> {
    return (await this.browser.cookies()).map((c) => `${c.name}=${c.value} (${c.domain})`);
  }

  async shortcuts(): Promise<Record<string, string>> {
    return this.console.evaluate(async () => Object.fromEntries((await browser.commands.getAll()).map((c) => [c.name ?? "", c.shortcut ?? ""])));
  }

  /**
   * What the tabs and extension pages of this session logged from the extension's files (WebDriver
   * BiDi log events, content scripts included). The background page is no BiDi browsing context,
   * so its console is out of a test's reach: its work shows in the badge tests and its unit tests.
   */
  async extensionProblems(): Promise<string[]> {
    return [...this.problems];
  }

  async restart(): Promise<void> {
    await this.shutdown();
    await this.start();
  }

  private async shutdown(): Promise<void> {
    await this.browser.close();
    await this.proxy?.close();
  }

  async close(): Promise<void> {
    await this.shutdown();
    if (this.ownsProfile) rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

declare const browser: typeof chrome;
