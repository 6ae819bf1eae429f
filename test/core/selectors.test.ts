// @vitest-environment node
import { describe, expect, it } from "vitest";
import { extract } from "../../src/core/index";
import { attrOf, childNodesOf, compileSelector, findAllDescendants, findDescendant, tagOf, withFacts } from "../../src/core/selectors";
import {
  BODY_END, CREDIT_SELECTOR, EMBED_MARKUP, FAMILIES, JUNK_SELECTORS, PLAYLIST_WIDGET,
} from "../../src/core/site-rules";
import { adPage, parse } from "./dom";

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

describe("one reading's memo of attributes and walks", () => {
  it("answers as the selector engine does while a reading lasts", () => {
    const doc = parse(`<div id="a" class="x  y" data-k="val-ue"><p class="y">p</p><svg class="y"><g id="g"></g></svg>text<span data-k="other">s</span></div>`);
    const root = doc.body;
    const selectors = ["div", "#a", ".y", "div.x.y", "[data-k]", '[data-k="other"]', '[data-k^="val"]', "p.y,span", "#g", "svg.y"];
    withFacts(() => {
      for (const selector of selectors) {
        // Asked twice: the second answer comes from the memo.
        for (let i = 0; i < 2; i++) {
          const found = findAllDescendants(root, compileSelector(selector));
          expect(found, selector).toEqual([...root.querySelectorAll(selector)]);
          expect(findDescendant(root, compileSelector(selector)), selector).toBe(root.querySelector(selector));
        }
      }
      const div = root.firstElementChild!;
      expect([attrOf(div, "data-k"), attrOf(div, "data-k"), attrOf(div, "hidden"), tagOf(div)]).toEqual(["val-ue", "val-ue", null, "div"]);
      expect(childNodesOf(div)).toEqual([...div.childNodes]);
    });
  });

  it("lasts one reading: the page's changes between readings are seen", () => {
    const doc = parse(adPage(`<p>Eerste alinea van het stuk.</p><p id="tweede">Tweede alinea van het stuk.</p><p>Derde alinea van het stuk.</p>`));
    const texts = () => {
      const result = extract(doc, doc.URL);
      if (!result.ok) throw new Error(result.reason);
      return result.article.blocks.map((b) => (b.type === "embed" ? "" : b.text));
    };
    expect(texts()).toEqual(["Eerste alinea van het stuk.", "Tweede alinea van het stuk.", "Derde alinea van het stuk."]);
    // An ad hook put on a paragraph (an attribute), then a paragraph added (the walk).
    doc.getElementById("tweede")!.setAttribute("class", "dfp-space");
    expect(texts()).toEqual(["Eerste alinea van het stuk.", "Derde alinea van het stuk."]);
    doc.getElementById("tweede")!.removeAttribute("class");
    doc.getElementById("tweede")!.insertAdjacentHTML("afterend", "<p>Een nieuwe alinea.</p>");
    expect(texts()).toEqual(["Eerste alinea van het stuk.", "Tweede alinea van het stuk.", "Een nieuwe alinea.", "Derde alinea van het stuk."]);
  });

});
