/**
 * Toolbar popup: asks the article tab's content script for its status, shows what was found
 * and lets the reader switch the reading view and "open automatically on this site". Which tab
 * that is: target-tab.ts (on Firefox for Android the popup is a tab of its own).
 */
import browser, { type Tabs } from "webextension-polyfill";
import { siteFor } from "../core/sites";
import { parseLastSeen, parseTabStatus, type Request, type TabStatus } from "../shared/messages";
import type { Settings } from "../shared/settings";
import { loadSettings, onSettingsChanged, setAutoOpen, updateSettings, writeSettings } from "../shared/settings-store";
import { localizePage, plural, t } from "./localize";
import { candidateTabs, lastSeenTab, rankedByBrowser } from "./target-tab";

/**
 * What the popup can show: the tab's status, or why there is none. Without the "tabs"
 * permission Chrome hides the tab's address, so "no-answer" covers both possible reasons.
 */
type NoStatus = "not-dpg" | "unreachable" | "no-answer";
type PopupState = { kind: "status"; status: TabStatus } | { kind: NoStatus };

const MESSAGES: Record<TabStatus["state"] | NoStatus, string> = {
  idle: "popup_msg_idle",
  available: "popup_msg_available",
  open: "popup_msg_open",
  unsupported: "popup_msg_unsupported",
  "not-dpg": "popup_msg_not_dpg",
  unreachable: "popup_msg_unreachable",
  "no-answer": "popup_msg_no_answer",
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function summarize(status: Pick<TabStatus, "placeholders" | "photoMarkers">): string {
  const parts: string[] = [];
  if (status.placeholders > 0) parts.push(plural("popup_blocked", status.placeholders));
  if (status.photoMarkers > 0) parts.push(plural("popup_photo", status.photoMarkers));
  return parts.join(", ");
}

/** The message for an article on offer says what the view gives: the free part only, a best effort, or the article without clutter. */
function messageKey(state: PopupState): string {
  if (state.kind !== "status") return MESSAGES[state.kind];
  const { status } = state;
  if (status.state !== "available") return MESSAGES[status.state];
  if (status.paywall) return "popup_msg_available_paywall";
  if (status.bestEffort) return "popup_msg_available_best_effort";
  return status.placeholders + status.photoMarkers > 0 ? MESSAGES.available : "popup_msg_available_plain";
}

/** What the popup shows now. */
let shown: TabStatus | null = null;

function render(state: PopupState): void {
  const status = state.kind === "status" ? state.status : null;
  shown = status;
  const name = state.kind === "status" ? state.status.state : state.kind;
  // Counts only next to an article: a blocked widget on a section front is no news to the reader.
  const article = status?.state === "available" || status?.state === "open";
  $("summary").textContent = article ? summarize(status) : "";
  $("summary").hidden = !article || (status.placeholders === 0 && status.photoMarkers === 0);
  $("message").textContent = t(messageKey(state));
  document.querySelector("main")!.dataset.state = name;

  const toggle = $<HTMLInputElement>("view-toggle");
  $("view-control").hidden = !status || status.state === "idle" || status.state === "unsupported";
  toggle.checked = status?.state === "open";

  const auto = $<HTMLInputElement>("auto-open");
  $("auto-control").hidden = !status;
  auto.checked = status?.autoOpen ?? false;
  $("auto-open-label").textContent = status ? t("popup_auto_open", status.host) : "";
}

/** Why a tab has no content script to answer: another site, or one loaded before install. */
function withoutAnswer(tab: { url?: string } | undefined): PopupState {
  let hostname: string;
  try {
    hostname = new URL(tab?.url ?? "").hostname;
  } catch {
    return { kind: "no-answer" };
  }
  return siteFor(hostname) ? { kind: "unreachable" } : { kind: "not-dpg" };
}

/** The tab the reader came from: the active one, or, where the popup is itself a tab, the one active before it. */
async function articleTab(): Promise<Tabs.Tab | undefined> {
  // getCurrent is undefined in a toolbar popup, and missing from no browser we support; guarded all the same.
  const self = await browser.tabs.getCurrent?.().catch(() => undefined);
  if (!self) return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  document.documentElement.dataset.inTab = "";
  const tabs = await browser.tabs.query(self.windowId === undefined ? { currentWindow: true } : { windowId: self.windowId });
  const ids = candidateTabs(self, tabs);
  let id = ids[0];
  if (!rankedByBrowser(self, tabs)) {
    const seenAt = (tabId: number) =>
      browser.tabs.sendMessage(tabId, { type: "leesrust:last-seen" } satisfies Request).then(parseLastSeen, () => null);
    id = lastSeenTab(await Promise.all(ids.map(async (tabId) => ({ id: tabId, seenAt: await seenAt(tabId) })))) ?? id;
  }
  return tabs.find((tab) => tab.id === id);
}

async function main(): Promise<void> {
  localizePage(document);
  // Held from the start, so a tap on "always open" writes at once, with no read first: the
  // reader may close the popup right after it (on a phone the normal case).
  let held: Settings | null = null;
  onSettingsChanged((settings) => (held = settings));
  void loadSettings().then((settings) => (held ??= settings), () => undefined);
  const tab = await articleTab();

  const ask = async (request: Request): Promise<void> => {
    try {
      if (tab?.id === undefined) throw new Error("no tab");
      // An answer of any other shape counts as none.
      const status = parseTabStatus(await browser.tabs.sendMessage(tab.id, request));
      render(status ? { kind: "status", status } : withoutAnswer(tab));
    } catch {
      render(withoutAnswer(tab));
    }
  };

  $<HTMLInputElement>("view-toggle").addEventListener("change", (event) => {
    void ask({ type: "leesrust:set-view", open: (event.target as HTMLInputElement).checked });
  });
  $<HTMLInputElement>("auto-open").addEventListener("change", (event) => {
    const enabled = (event.target as HTMLInputElement).checked;
    const status = shown;
    // Stored from here as well as by the tab: the reader may close either at once (on a phone
    // the normal case), and either write is enough.
    if (status) {
      const write = held ? writeSettings((held = setAutoOpen(held, status.host, enabled))) : updateSettings((s) => setAutoOpen(s, status.host, enabled));
      void write.catch(() => undefined);
    }
    // "Always open" holds for this article too: the view opens now, one tap less.
    void ask({ type: "leesrust:set-auto-open", enabled }).then(() => {
      if (enabled && shown?.state === "available") return ask({ type: "leesrust:set-view", open: true });
    });
  });
  $("options-link").addEventListener("click", (event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage().then(() => window.close());
  });

  await ask({ type: "leesrust:get-status" });
}

export const ready = main();
