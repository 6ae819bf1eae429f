/**
 * Shared set-up of the extension tests: real locale texts behind the polyfill mock's i18n,
 * fixture pages as documents at their real URLs, and a clean mock storage.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import browser from "webextension-polyfill";
import { loadFixture } from "../../scripts/lib/fixtures";

// Paths, not URL objects: under the jsdom environment the global URL is jsdom's, which fs refuses.
export const ROOT = join(fileURLToPath(import.meta.url), "../../..");

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function readMessages(lang: string): Messages {
  return JSON.parse(readFileSync(join(ROOT, `src/_locales/${lang}/messages.json`), "utf8"));
}

/** getMessage as the browsers implement it: named $PLACEHOLDERS$ → $1… → substitutions. */
export function getMessageFor(lang: string) {
  const messages = readMessages(lang);
  return (key: string, subs?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return "";
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const positional = (text: string) => text.replace(/\$(\d)/g, (_m, n: string) => list[Number(n) - 1] ?? "");
    return entry.message.replace(/\$(\w+)\$/g, (_m, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : "";
    });
  };
}

export function useLocale(lang: string): void {
  browser.i18n.getMessage = getMessageFor(lang) as typeof browser.i18n.getMessage;
}

/** A fixture page as its own window at its real address (scripts off, as in the core tests). */
export function fixtureWindow(name: string): JSDOM["window"] {
  const { html, expected } = loadFixture(name);
  return new JSDOM(html, { url: expected.url }).window;
}

export async function clearStorage(): Promise<void> {
  await browser.storage.sync.clear();
  await browser.storage.local.clear();
}

export function readSource(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

/** Lets pending promise callbacks and zero-delay tasks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
