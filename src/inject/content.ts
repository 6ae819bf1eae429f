/**
 * Content script on DPG article pages: wires the tab session to the browser (messages,
 * storage, badge reports) and to the page watchers. It changes nothing on the page until
 * the reader opens the reading view, and never lets an error reach the page's console.
 */
import browser from "webextension-polyfill";
import { parseRequest, type StatusReport, type TabStatus } from "../shared/messages";
import { DEFAULT_SETTINGS } from "../shared/settings";
import { onRequest } from "../shared/messaging";
import { loadSettings, onSettingsChanged } from "../shared/settings-store";
import { watchUntilSettled, watchUrl } from "./page-watch";
import { TabSession } from "./tab-session";
import { pageSite } from "./assess-page";
import { errorText } from "../shared/error-text";
import { watchLastSeen } from "./last-seen";

type ReaderModule = typeof import("./reader");

/**
 * Extraction and the reading view are their own bundle (reader.js), loaded on pages where
 * detection finds something, and on others only when someone asks for the article (popup,
 * shortcut, auto-open): most page loads run detection alone. Fetched as soon as there is a find,
 * so the popup and the toggle do not wait for the load there. Spelled
 * `chrome.runtime.getURL` (Firefox has the `chrome` namespace too) because that is the form
 * addons-linter accepts in a dynamic import.
 */
let readerModule: Promise<ReaderModule> | null = null;
const loadReader = (): Promise<ReaderModule> => (readerModule ??= import(chrome.runtime.getURL("reader.js")));

const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key, subs);

/**
 * Gets a page with a find ready for the toggle. Besides the reader bundle: the first i18n
 * lookup in a tab loads the extension's message catalogue, in Chromium a synchronous round
 * trip to the browser (1.7 ms measured on the way to the view's first frame).
 */
function prepareReader(): void {
  loadReader().then(() => t("view_close"), () => undefined);
}

function report(status: TabStatus): void {
  if (status.state === "available") prepareReader();
  const message: StatusReport = { type: "leesrust:status", status };
  // The background may be restarting; the next change reports again.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

function unsupported(error: unknown): TabStatus {
  const reason = `error: ${errorText(error)}`;
  return { state: "unsupported", placeholders: 0, photoMarkers: 0, ...pageSite(location.href), autoOpen: false, reason };
}

async function start(): Promise<TabSession> {
  const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
  const session = new TabSession(
    {
      doc: document,
      assess: async (doc, href) => (await loadReader()).assessPage(doc, href),
      readParts: async (doc, href, runs, changed) => (await loadReader()).readParts(doc, href, runs, changed),
      prepareView: async (article, options) => (await loadReader()).prepareReadingView(article, options),
      t,
      report,
    },
    settings,
  );
  onSettingsChanged((next) => session.settingsChanged(next));

  const recheck = () => {
    void session.reassess();
    return session.found;
  };
  // Late-built pages: keep looking until found or settled. After a history navigation the old
  // article may still be in place for a while, so that watch runs until the page goes quiet.
  let stopSettling = session.found ? () => undefined : watchUntilSettled(document, recheck);
  watchUrl(document, () => {
    stopSettling();
    void session.reassess();
    stopSettling = watchUntilSettled(document, () => (void session.reassess(), false));
  });

  // Alt and Shift held together begin the view's shortcut (Alt+Shift+L unless the reader changed
  // it), and rarely anything else: the view is built while the reader reaches for the L. Only the
  // reader's own keys count: the page must not be able to make the extension work on its cue.
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.isTrusted && event.altKey && event.shiftKey && (event.key === "Alt" || event.key === "Shift")) void session.anticipate();
    },
    { capture: true, passive: true },
  );

  await session.autoOpen();
  return session;
}

const lastSeen = watchLastSeen(document);
const ready = start();
ready.catch((error: unknown) => report(unsupported(error)));

// Registered at once, so a popup opened while settings load still gets its answer.
// Only well-formed requests (messages.ts); anything else is left unanswered.
onRequest((message) => {
  const request = parseRequest(message);
  if (request?.type === "leesrust:last-seen") return Promise.resolve(lastSeen());
  return request ? ready.then((session) => session.handle(request)).catch(unsupported) : undefined;
});
