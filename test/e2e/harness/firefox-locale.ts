/**
 * Firefox's interface language for a test. An extension's texts follow Firefox's app locale, and
 * Debian's firefox-esr ships no language pack, so without one a Firefox asking for Dutch runs in
 * English. As Mozilla's own test suites do, the test profile gets the language pack of exactly
 * this build's version (a langpack only loads into the version it was made for):
 * scripts/browsers.sh unpacks Debian's firefox-esr-l10n-* packages per version into
 * .cache/langpacks/<version>/. A missing one fails the launch: it must never quietly run English.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths";
import type { InterfaceLanguage } from "./session";

const ACCEPT_LANGUAGES: Record<InterfaceLanguage, string> = { nl: "nl-NL, nl", fr: "fr-BE, fr", en: "en-US, en" };

/** "140.12.0esr" from the binary's own `--version` ("Mozilla Firefox 140.12.0esr"). */
export function firefoxVersion(binary: string): string {
  const out = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout ?? "";
  const version = /Firefox\s+(\S+)/.exec(out)?.[1];
  if (!version) throw new Error(`cannot tell the version of ${binary} (it printed "${out.trim()}")`);
  return version;
}

const langpackId = (language: InterfaceLanguage) => `langpack-${language}@firefox-esr.mozilla.org`;

/** Puts this build's language pack into the profile (extensions/ is scanned at startup). */
export function installLangpack(profile: string, binary: string, language: InterfaceLanguage): void {
  // English is Firefox's own.
  if (language === "en") return;
  const version = firefoxVersion(binary);
  const xpi = join(ROOT, ".cache/langpacks", version, `${langpackId(language)}.xpi`);
  if (!existsSync(xpi)) {
    throw new Error(
      `No ${language} language pack for Firefox ${version} (${binary}) at ${xpi}: the test would run the English interface. ` +
        `Run scripts/browsers.sh (as root), which unpacks firefox-esr-l10n-${language} of exactly this version.`,
    );
  }
  mkdirSync(join(profile, "extensions"), { recursive: true });
  copyFileSync(xpi, join(profile, "extensions", `${langpackId(language)}.xpi`));
}

/** Prefs that make Firefox (and so the extension) use the language pack's locale. */
export function languagePrefs(language: InterfaceLanguage): Record<string, unknown> {
  return {
    "intl.locale.requested": language === "en" ? "en-US" : language,
    "intl.accept_languages": ACCEPT_LANGUAGES[language],
    "intl.multilingual.enabled": true,
    // Debian's langpacks are unsigned (they come from the archive, not from addons.mozilla.org).
    "extensions.langpacks.signatures.required": false,
  };
}
