/**
 * Extension pages are written with message keys, not texts: this fills them in from
 * _locales and sets the page language to the language the texts are actually in.
 */
import browser from "webextension-polyfill";

export const t = (key: string, subs?: string | string[]): string => browser.i18n.getMessage(key, subs);

/** The language of the shown texts (the browser falls back to default_locale for others). */
export const uiLang = (): string => t("ui_lang") || "en";

/** Fills `[data-i18n]` elements' text and `[data-i18n-title]` titles. */
export function localizePage(doc: Document): void {
  doc.documentElement.lang = uiLang();
  for (const el of doc.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(el.dataset.i18n!);
  const title = doc.querySelector("title[data-i18n]");
  if (title) doc.title = title.textContent ?? "";
}

/** Picks the singular or plural message (`KEY_one` / `KEY_other`) for a count, in the UI language. */
export function plural(key: string, count: number): string {
  const form = new Intl.PluralRules(uiLang()).select(count) === "one" ? "one" : "other";
  return t(`${key}_${form}`, String(count));
}
