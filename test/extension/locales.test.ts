// @vitest-environment node
/**
 * Every translation is whole and in its own language: every key in every locale, the same
 * placeholders doing the same job, and no message left in another language (a copy of the
 * English or Dutch text, or words that belong to another of our languages).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, readMessages } from "./helpers";

const LOCALES = readdirSync(join(ROOT, "src/_locales")).sort();
const messages = Object.fromEntries(LOCALES.map((locale) => [locale, readMessages(locale)]));
const KEYS = Object.keys(messages.en!).sort();

/**
 * Texts that are the same in two of our languages and rightly so: the name, brand-like words and
 * punctuation. Anything else identical across locales is a text someone forgot to translate.
 */
const SAME_IN_SEVERAL = new Set(["Leesrust", ",", "Sepia", "Video", "Liveblog", "Podcast", "Stop", "Pause", "Source", "$NAME$ ($LANG$), online"]);

/**
 * Common words of one of our languages that are no words of the other two: one in another locale's
 * text means a phrase was left untranslated. ("de", "en", "in", "is", "of", "op", "pas", "je", "sans" (of Sans-serif) and
 * "page" are left out: they are words in two of them.)
 */
const OWN_WORDS: Record<string, string[]> = {
  nl: ["het", "een", "niet", "voor", "deze", "dit", "geen", "zonder", "wordt", "naar", "bij", "ook", "alleen", "pagina", "artikel", "tekst", "leesweergave", "stem", "kies", "sluiten", "instellingen", "zoals", "hier"],
  en: ["the", "and", "this", "with", "without", "not", "could", "your", "you", "are", "for", "from", "only", "blocked", "post", "voice", "reading", "view", "settings", "choose", "close", "here"],
  fr: ["le", "la", "les", "des", "une", "cette", "vous", "votre", "avec", "est", "pour", "lecture", "voix", "fermer", "paramètres", "réglages", "ici"],
};

const words = (text: string) => text.replace(/\$\w+\$/g, " ").toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
const namedPlaceholders = (text: string) => [...text.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe("the locales", () => {
  it("are Dutch, English and French, each naming its own language in ui_lang", () => {
    expect(LOCALES).toEqual(["en", "fr", "nl"]);
    for (const locale of LOCALES) expect(messages[locale]!.ui_lang?.message, locale).toBe(locale);
  });

  it.each(LOCALES)("%s has every key, and nothing else, each with a text", (locale) => {
    expect(Object.keys(messages[locale]!).sort()).toEqual(KEYS);
    for (const key of KEYS) expect(messages[locale]![key]!.message.trim(), `${locale} ${key}`).not.toBe("");
  });

  it.each(LOCALES)("%s uses the same placeholders as English, each filled from the same argument", (locale) => {
    for (const key of KEYS) {
      const [own, en] = [messages[locale]![key]!, messages.en![key]!];
      const contents = (m: typeof en) => Object.fromEntries(Object.entries(m.placeholders ?? {}).map(([name, p]) => [name, p.content]));
      expect(contents(own), `${locale} ${key}: placeholders`).toEqual(contents(en));
      // Every named placeholder is used, and only declared ones: an undeclared $NAME$ shows as nothing.
      expect([...new Set(namedPlaceholders(own.message))], `${locale} ${key}: $NAMES$ in the text`).toEqual(Object.keys(own.placeholders ?? {}).sort());
      // Positional $1 straight in a text (no placeholder) must be the same too.
      const positional = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(positional(own.message), `${locale} ${key}: $1 in the text`).toEqual(positional(en.message));
    }
  });

  it.each(LOCALES)("%s leaves no text as another locale has it, beyond the few that are the same everywhere", (locale) => {
    const copies = KEYS.flatMap((key) =>
      LOCALES.filter((other) => other !== locale && messages[other]![key]!.message === messages[locale]![key]!.message && key !== "ext_name")
        .filter((other) => !SAME_IN_SEVERAL.has(messages[other]![key]!.message))
        .map((other) => `${key} = ${other}: ${messages[locale]![key]!.message}`),
    );
    expect(copies).toEqual([]);
  });

  it.each(LOCALES)("%s has no words of the other languages", (locale) => {
    const foreign = new Map(LOCALES.filter((other) => other !== locale).flatMap((other) => OWN_WORDS[other]!.map((w) => [w, other] as const)));
    const found = KEYS.flatMap((key) =>
      words(messages[locale]![key]!.message)
        .filter((w) => foreign.has(w))
        .map((w) => `${key}: "${w}" (${foreign.get(w)})`),
    );
    expect(found).toEqual([]);
  });

  it("the word lists can catch something: each language's own texts use its listed words", () => {
    for (const locale of LOCALES) {
      const used = new Set(KEYS.flatMap((key) => words(messages[locale]![key]!.message)));
      expect(OWN_WORDS[locale]!.filter((w) => used.has(w)).length, locale).toBeGreaterThan(OWN_WORDS[locale]!.length / 2);
    }
  });
});
