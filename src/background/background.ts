/**
 * Background (Chrome service worker / Firefox event page): keeps each tab's badge in line
 * with its content script's reports, relays the keyboard command and opens the welcome page
 * after install. It holds no state of its own (the settings it syncs it reads from storage), so the
 * browser may stop and restart it at any time; the browser resets a tab's badge when the tab loads
 * another page. It also brings the synced copy of the settings in line.
 * Firefox for Android shows no badge and has no keyboard shortcuts (no `commands` API): each call
 * is made only where the browser has it, and the popup and the page say it all.
 */
import browser from "webextension-polyfill";
import { onRequest } from "../shared/messaging";
import { isSettingsSaved, parseStatusReport, type Request, type TabStatus } from "../shared/messages";
import { coalescedWriter, SETTINGS_WRITES } from "../shared/coalesced-writer";
import { syncSettings } from "../shared/settings-store";

const BADGE_COLOR = "#1f4e5f";

/**
 * Count of what the page blocks; a dot when only photo markers interrupt it; empty when idle,
 * and on an article with nothing blocked (the popup still offers its view, but the badge
 * calls the reader only where a page hides something).
 */
export function badgeText(status: TabStatus): string {
  if (status.state !== "available" && status.state !== "open") return "";
  if (status.placeholders + status.photoMarkers === 0) return "";
  return status.placeholders > 0 ? String(status.placeholders) : "•";
}

function badgeTitle(status: TabStatus): string {
  if (status.state === "available") return browser.i18n.getMessage("action_title_available");
  if (status.state === "open") return browser.i18n.getMessage("action_title_open");
  return browser.i18n.getMessage("ext_name");
}

/**
 * Pages and tabs store the settings locally at once; here they are copied to storage.sync, in
 * writes far enough apart for its quotas (coalesced-writer.ts). The copy is read from storage
 * when it is written, so it never waits on a page or tab that may be gone by then.
 */
const sync = coalescedWriter(syncSettings, SETTINGS_WRITES);
const syncSoon = () => void sync.save(undefined).catch(() => undefined);
// A copy left undone when the browser stopped this background in its wait: done on the next start.
syncSoon();

onRequest((message, sender) => {
  if (isSettingsSaved(message)) return void syncSoon();
  const tabId = sender.tab?.id;
  // Only a well-formed report from a tab's content script; anything else is ignored.
  const report = parseStatusReport(message);
  if (!report || tabId === undefined) return undefined;
  const { status } = report;
  const action = browser.action as Partial<typeof browser.action> | undefined;
  // A tab can close between report and update; nothing to keep then. Each call only where the browser has it.
  Promise.all([
    action?.setBadgeText?.({ tabId, text: badgeText(status) }),
    action?.setBadgeBackgroundColor?.({ tabId, color: BADGE_COLOR }),
    action?.setTitle?.({ tabId, title: badgeTitle(status) }),
  ]).catch(() => undefined);
  // No reply: the content script's message settles at once, before its page can go away
  // (Firefox logs messages still pending when a page unloads).
  return undefined;
});

/**
 * The first visit: one welcome page in a tab of its own after install (what Leesrust does, and
 * what to choose on DPG's privacy gate), never on an update or a browser update.
 */
export function welcomeOnInstall(details: { reason: string }): Promise<unknown> | undefined {
  if (details.reason !== "install") return undefined;
  return browser.tabs.create({ url: browser.runtime.getURL("welcome.html") });
}

browser.runtime.onInstalled.addListener((details) => void welcomeOnInstall(details)?.catch(() => undefined));

(browser.commands as Partial<typeof browser.commands> | undefined)?.onCommand?.addListener(async (command) => {
  if (command !== "toggle-reading-view") return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const request: Request = { type: "leesrust:toggle-view" };
  // No content script on this tab (not a DPG page, or opened before install): nothing to toggle.
  await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
});
