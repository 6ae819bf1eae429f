/**
 * The fixture corpus as the comparison and quality tests read it: each page parsed the way
 * the content script sees it once the page has settled.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import type { Article, Detection } from "../../src/core/article";

// A plain path: under vitest's jsdom environment the global URL is not Node's.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../test/fixtures");

/** `article` as NAME.expected.json gives it: what extract() must return, minus url and lang. */
export type ExpectedArticle = Omit<Article, "url" | "lang">;

export interface Expected {
  url: string;
  family: "ad" | "volkskrant" | "ad-classic" | "artstyle" | "none";
  detected: Detection;
  /** null: the page must not trigger (no reading view on offer). */
  article: ExpectedArticle | null;
  /** The language the article must carry (the view's `article[lang]`). */
  lang?: string;
  /** The page inserts its body after DOMContentLoaded. */
  lateBody?: boolean;
}

export interface Fixture {
  name: string;
  html: string;
  expected: Expected;
}

/** The seed page: the first case Leesrust must get exactly right. */
export const SEED = "ad-seed-kandahar";

/** One page and its expectations, from the corpus or from another folder of the same format. */
export function loadFixture(name: string, dir = FIXTURE_DIR): Fixture {
  const htmlPath = join(dir, `${name}.html`);
  const expectedPath = join(dir, `${name}.expected.json`);
  if (!existsSync(htmlPath) || !existsSync(expectedPath)) {
    throw new Error(`Fixture "${name}" is missing: expected ${htmlPath} and ${expectedPath}.`);
  }
  return { name, html: readFileSync(htmlPath, "utf8"), expected: JSON.parse(readFileSync(expectedPath, "utf8")) as Expected };
}

/** Every NAME.html that has a NAME.expected.json, by name. */
export function listFixtures(): Fixture[] {
  const files = new Set(readdirSync(FIXTURE_DIR));
  return [...files]
    .filter((f) => f.endsWith(".html") && files.has(f.replace(/\.html$/, ".expected.json")))
    .sort()
    .map((f) => loadFixture(f.replace(/\.html$/, "")));
}

/**
 * A fresh Document of the page (scripts not run, nothing loaded). For a `lateBody` page, the
 * body its own script would insert after DOMContentLoaded is moved in first.
 */
export function parseFixture(fixture: Fixture): Document {
  const doc = new JSDOM(fixture.html, { url: fixture.expected.url }).window.document;
  if (fixture.expected.lateBody) {
    const slot = doc.getElementById("article-body-slot");
    const template = doc.getElementById("article-body-template");
    if (slot && template instanceof doc.defaultView!.HTMLTemplateElement) slot.replaceWith(template.content.cloneNode(true));
  }
  return doc;
}

/** Visible text on the seed page that is page furniture, never article: none of it may reach a reading view. */
export const SEED_JUNK = [
  "Tekst gaat verder onder de foto",
  "Onze excuses",
  "Helaas kunnen wij deze social post",
  "Aanvaard de social media-cookies",
  "Volledig scherm",
  "Bekijk onze nieuwsvideo",
  "playlist",
  "Advertentie",
];

/** Every sentence of the seed page's visible text (NAME.txt) that belongs to the article, in order. */
export function seedSentences(): string[] {
  return readFileSync(join(FIXTURE_DIR, `${SEED}.txt`), "utf8")
    .split(/\n\s*\n/)
    .map((line) => line.trim())
    .filter((line) => line && !/^(Tekst gaat verder|Onze excuses|Bekijk onze nieuwsvideo)/.test(line))
    .map((line) => line.replace(/^Volledig scherm /, ""))
    .flatMap((line) => line.split(/(?<=[.!?])\s+/));
}

/** The first sentence that `text` lacks, or holds only out of order; null when all are there in order. */
export function firstMissingInOrder(text: string, sentences: string[]): string | null {
  let from = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, from);
    if (at < 0) return sentence;
    from = at + sentence.length;
  }
  return null;
}
