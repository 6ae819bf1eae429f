/**
 * The whole path on the seed page as the content script runs it: the real fixture in the
 * document, the core's extract(), the view over it, and the page exactly as before on close.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../src/core/index";
import type { Article } from "../../src/core/article";
import { firstMissingInOrder, loadFixture, SEED, SEED_JUNK, seedSentences } from "../../scripts/lib/fixtures";
import { afterFirstFrame, closeAll, openWhole, type OpenedView } from "./helpers";

const seed = loadFixture(SEED);
const { expected } = seed;

let article: Article;
let pageBefore: string;
let view: OpenedView;

beforeAll(async () => {
  const page = new DOMParser().parseFromString(seed.html, "text/html");
  document.replaceChild(document.importNode(page.documentElement, true), document.documentElement);
  const result = extract(document, expected.url);
  if (!result.ok) throw new Error(`extract failed on the seed page: ${result.reason}`);
  article = result.article;
  pageBefore = document.documentElement.outerHTML;
  view = await openWhole(article, { originalUrl: expected.url });
});

afterAll(closeAll);

describe("reading view of the seed page", () => {
  it("holds every sentence of the article, in order", () => {
    const text = view.$$("article > [data-block]").map((el) => el.textContent).join("\n");
    expect(firstMissingInOrder(text, seedSentences()), "missing or out of order").toBeNull();
  });

  it("holds none of the page's furniture", () => {
    const text = view.$("article").textContent ?? "";
    for (const junk of SEED_JUNK) expect(text, junk).not.toContain(junk);
  });

  it("shows the header from the page and the photo with its credit", () => {
    expect(view.$("h1").textContent).toBe(article.title);
    expect(view.$("[data-field='site']").textContent).toBe("AD");
    expect(view.$("time").getAttribute("datetime")).toBe(new Date(article.published ?? "").toISOString());
    expect(view.$("figure img").getAttribute("src")).toMatch(/^https:\/\/images\.ad\.nl\//);
    expect(view.$("figure figcaption small").textContent).toBe("© EPA");
    expect(view.$("h2[data-block='heading']").textContent).toBe("Deal");
    expect(view.$$("aside[data-block='embed']")).toHaveLength(1);
  });

  it("restores the page exactly on close", async () => {
    await afterFirstFrame();
    expect(document.getElementById("leesrust-print-style")).not.toBeNull();
    view.handle.close();
    expect(document.documentElement.outerHTML).toBe(pageBefore);
  });
});
