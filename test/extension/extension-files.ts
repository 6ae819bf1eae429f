/**
 * What a built extension consists of, read from its manifest and pages: every file they name.
 * The build tests check each is there; the package tests that a store archive holds these and
 * nothing else.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers";

export type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The extension's own pages: their scripts and styles are files too, and the CSP allows no inline ones. */
export const PAGES = ["popup.html", "options.html", "welcome.html"];

const LOCALES = readdirSync(join(ROOT, "src/_locales"));

/** Every file the manifest and the pages (read with `readPage`) name, manifest.json included; sorted, without repeats. */
export function filesNamedBy(manifest: Manifest, readPage: (page: string) => string): string[] {
  const named = [
    "manifest.json",
    ...Object.values(manifest.icons as Record<string, string>),
    ...Object.values(manifest.action.default_icon as Record<string, string>),
    manifest.action.default_popup,
    manifest.options_ui.page,
    ...manifest.content_scripts[0].js,
    ...manifest.web_accessible_resources[0].resources,
    manifest.background.service_worker ?? manifest.background.scripts[0],
    ...LOCALES.map((locale) => `_locales/${locale}/messages.json`),
  ];
  for (const page of PAGES) named.push(...[...readPage(page).matchAll(/(?:src|href)="([^"#:]+)"/g)].map((x) => x[1]!));
  return [...new Set(named)].sort();
}
