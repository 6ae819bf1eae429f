import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Block } from "../../../src/core/article";
import { FIXTURES_DIR } from "./paths";

/** `article` as the fixture's NAME.expected.json gives it: what extract() must return, minus url/lang. */
export interface ExpectedArticle {
  title: string;
  intro: string | null;
  byline: string | null;
  published: string | null;
  site: string;
  blocks: Block[];
}

export interface Expected {
  url: string;
  detected: { placeholders: number; photoMarkers: number };
  article: ExpectedArticle | null;
  family: string;
  /** BCP 47 language the article must carry (the view's `article[lang]`). */
  lang?: string;
  /** The page inserts its body after DOMContentLoaded. */
  lateBody?: boolean;
}

export interface Fixture {
  name: string;
  html: string;
  expected: Expected;
}

export function loadFixture(name: string, dir = FIXTURES_DIR): Fixture {
  const htmlPath = join(dir, `${name}.html`);
  const expectedPath = join(dir, `${name}.expected.json`);
  if (!existsSync(htmlPath) || !existsSync(expectedPath)) {
    throw new Error(`Fixture "${name}" is missing: expected ${htmlPath} and ${expectedPath}.`);
  }
  return {
    name,
    html: readFileSync(htmlPath, "utf8"),
    expected: JSON.parse(readFileSync(expectedPath, "utf8")) as Expected,
  };
}

export function allFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith(".expected.json"))
    .map((file) => loadFixture(file.slice(0, -".expected.json".length)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const SEED = "ad-seed-kandahar";
