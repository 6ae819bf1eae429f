/**
 * The end of a premium article's view: the page stops the free part at a paywall, so the view
 * says that the article continues for subscribers and links back to the page, rather than
 * looking complete.
 */
import { normalizeText } from "../../core/text";
import { h, safeLink } from "./dom";
import type { Translate } from "./translate";

export function renderPaywallNote(site: string, originalUrl: string | null, t: Translate): HTMLElement {
  return h(
    "aside",
    { "data-field": "paywall", role: "note", lang: t("ui_lang") },
    h("p", {}, t("view_paywall_note", [normalizeText(site)])),
    safeLink(originalUrl, { "data-field": "paywall-link" }, t("view_paywall_link")),
  );
}
