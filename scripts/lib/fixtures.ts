/**
 * The fixture corpus as the comparison and quality tests read it: each page parsed the way
 * the content script sees it once the page has settled.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import type { Article, Detection } from "../../src/core/article";

// A plain path: under vitest's jsdom environment the global URL is not Node's.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../test/fixtures");

export interface Expected {
  url: string;
  family: "ad" | "volkskrant" | "ad-classic" | "artstyle" | "none";
  detected: Detection;
  article: Omit<Article, "url" | "lang"> | null;
  lang?: string;
  lateBody?: boolean;
}

export interface Fixture {
  name: string;
  html: string;
  expected: Expected;
}

/** Every NAME.html that has a NAME.expected.json, by name. */
export function listFixtures(): Fixture[] {
  const files = new Set(readdirSync(FIXTURE_DIR));
  return [...files]
    .filter((f) => f.endsWith(".html") && files.has(f.replace(/\.html$/, ".expected.json")))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html$/, "");
      return {
        name,
        html: readFileSync(join(FIXTURE_DIR, f), "utf8"),
        expected: JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), "utf8")) as Expected,
      };
    });
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
