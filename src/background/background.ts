/**
 * Background (Chrome service worker / Firefox event page): keeps each tab's badge in line
 * with its content script's reports, relays the keyboard command and opens the welcome page
 * after install. It holds no state of
 * its own, so the browser may stop and restart it at any time; the browser resets a tab's
 * badge when the tab loads another page.
 */
import browser from "webextension-polyfill";
import { onRequest } from "../shared/messaging";
import { parseStatusReport, type Request, type TabStatus } from "../shared/messages";

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

onRequest((message, sender) => {
  const tabId = sender.tab?.id;
  // Only a well-formed report from a tab's content script; anything else is ignored.
  const report = parseStatusReport(message);
  if (!report || tabId === undefined) return undefined;
  const { status } = report;
  // A tab can close between report and update; nothing to keep then.
  Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeText(status) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
    browser.action.setTitle({ tabId, title: badgeTitle(status) }),
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

browser.commands.onCommand.addListener(async (command) => {
  if (command !== "toggle-reading-view") return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const request: Request = { type: "leesrust:toggle-view" };
  // No content script on this tab (not a DPG page, or opened before install): nothing to toggle.
  await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
});
