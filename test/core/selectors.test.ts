// @vitest-environment node
import { describe, expect, it } from "vitest";
import { compileSelector, findAllDescendants } from "../../src/core/selectors";
import {
  BODY_END, CREDIT_SELECTOR, EMBED_MARKUP, FAMILIES, JUNK_SELECTORS, PLAYLIST_WIDGET,
} from "../../src/core/site-rules";
import { parse } from "./dom";

describe("simple selector matcher", () => {
  const doc = parse(`<div id="a" class="x  y" data-k="val-ue" aria-label="Label: Nieuws"><p class="y">p</p><span data-k="other">s</span></div>`);
  const root = doc.body;
  const ids = (selector: string) => findAllDescendants(root, compileSelector(selector)).map((el) => el.localName);

  it("matches tags, ids, classes and attribute operators like the selector engine", () => {
    const selectors = ["div", "#a", ".y", "div.x.y", "[data-k]", '[data-k="other"]', '[data-k^="val"]', '[data-k*="-u"]',
      '[data-k$="ue"]', '[aria-label^="Label:"]', "p.y,span", "*[data-k]", "section", ".z", '[data-k^=""]'];
    for (const selector of selectors) {
      expect(ids(selector), selector).toEqual([...root.querySelectorAll(selector)].map((el) => el.localName));
    }
  });

  it("refuses what it cannot match, so a site-rule edit fails loudly", () => {
    expect(() => compileSelector("article p")).toThrow(/unsupported selector/);
    expect(() => compileSelector("a > b")).toThrow(/unsupported selector/);
    expect(() => compileSelector("*")).toThrow(/matches everything/);
  });

  it("compiles every simple selector in the site rules", () => {
    const lists = [JUNK_SELECTORS, BODY_END, PLAYLIST_WIDGET, EMBED_MARKUP, CREDIT_SELECTOR];
    for (const f of FAMILIES) lists.push(f.title, f.authors, f.time, f.skip, ...(f.intro ? [f.intro] : []), ...(f.lead ? [f.lead] : []));
    for (const list of lists) expect(() => compileSelector(list), list).not.toThrow();
  });
});
