import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article";
import { h } from "../../src/inject/view/dom";
import { closeAll, embed, openWhole, seedArticle } from "./helpers";

afterEach(closeAll);

const HOSTILE_HTML = `<img src=x onerror=alert(1)><script>alert(2)</script><iframe srcdoc="<script>alert(3)</script>"></iframe>`;

/** An Article as a broken or compromised extractor might hand over: markup and bad URLs everywhere. */
function hostileArticle(): Article {
  return {
    title: "<img src=x onerror=alert(1)>",
    intro: `<svg onload=alert(1)><script>alert(1)</script></svg>`,
    byline: `<a href="javascript:alert(1)">Jan</a>`,
    published: `"><script>alert(1)</script>`,
    site: "<b onclick=alert(1)>AD</b>",
    url: "javascript:alert(1)",
    lang: `nl" onmouseover="alert(1)`,
    paywall: false,
    blocks: [
      { type: "paragraph", text: HOSTILE_HTML },
      { type: "heading", level: 2, text: "<h1 onclick=alert(1)>kop</h1>" },
      {
        type: "figure",
        text: "",
        src: "javascript:alert(1)",
        alt: `" onerror="alert(1)`,
        caption: "<object data=x></object>",
        credit: "<embed src=x>",
      },
      { type: "figure", text: "", src: "data:image/svg+xml,<svg onload=alert(1)>", alt: "", caption: null, credit: null },
      { type: "figure", text: "", src: "//evil.example/x.png", alt: "", caption: null, credit: null },
      { type: "figure", text: "", src: "https://www.facebook.com/tr?id=1&ev=PageView", alt: "", caption: "Pixel", credit: null },
      embed("x", "javascript:alert(1)"),
      embed("instagram", "data:text/html,<script>alert(1)</script>"),
      embed("youtube", "/watch?v=relative"),
      { type: "quote", text: "<script>alert(1)</script>", cite: "<img src=x onerror=alert(1)>" },
      { type: "list", text: "", items: ["<script>alert(1)</script>", "<a href=javascript:alert(1)>x</a>"], ordered: false },
    ],
  };
}

function allElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll("*")];
}

describe("hostile content", () => {
  it("shows markup in the model as text, never as elements", async () => {
    const view = await openWhole(hostileArticle(), { originalUrl: "javascript:alert(1)" });
    expect(view.$("h1").textContent).toBe("<img src=x onerror=alert(1)>");
    expect(view.$("h1").children).toHaveLength(0);
    expect(view.$("[data-block='paragraph']").textContent).toBe(HOSTILE_HTML);
    expect(view.$("[data-field='site']").textContent).toBe("<b onclick=alert(1)>AD</b>");
    expect(view.$("[data-field='byline']").textContent).toBe(`<a href="javascript:alert(1)">Jan</a>`);
    expect(view.$$("li").map((li) => li.textContent)).toEqual([
      "<script>alert(1)</script>",
      "<a href=javascript:alert(1)>x</a>",
    ]);
  });

  it("holds no script, frame, plug-in, event handler or unsafe URL anywhere", async () => {
    const view = await openWhole(hostileArticle(), { originalUrl: "javascript:alert(1)" });
    const elements = allElements(view.shadow);
    // The toolbar's icons are the only SVG: fixed paths, nothing else inside.
    const icons = elements.filter((el) => el.closest("svg"));
    for (const el of icons) expect(el.closest(".lr-icon-button"), el.outerHTML).not.toBeNull();
    expect([...new Set(icons.map((el) => el.tagName.toLowerCase()))].sort()).toEqual(["path", "svg"]);
    const tags = new Set(elements.filter((el) => !el.closest("svg")).map((el) => el.tagName.toLowerCase()));
    for (const banned of ["script", "iframe", "object", "embed", "svg", "frame", "base", "meta", "link", "form"]) {
      expect(tags.has(banned), banned).toBe(false);
    }
    for (const el of elements) {
      for (const attr of el.attributes) {
        expect(attr.name.startsWith("on"), `${el.tagName} ${attr.name}`).toBe(false);
        expect(attr.value, `${el.tagName} ${attr.name}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    for (const a of view.$$<HTMLAnchorElement>("a")) expect(a.href).toMatch(/^https?:\/\//);
    for (const img of view.$$<HTMLImageElement>("img")) expect(img.src).toMatch(/^https?:\/\//);
  });

  it("turns an unsafe embed URL into a note without a link", async () => {
    const view = await openWhole(hostileArticle());
    const embeds = view.$$("aside[data-block='embed']");
    expect(embeds).toHaveLength(3);
    for (const embed of embeds) expect(embed.querySelector("a")).toBeNull();
    // The note is the view's own words: nothing of the model's text reaches it.
    expect(embeds.map((e) => e.textContent)).toEqual([
      "Bericht op X — niet geladen",
      "Bericht op Instagram — niet geladen",
      "Video op YouTube — niet geladen",
    ]);
  });

  it("keeps images only from DPG's image hosts over https, and alt text only as an attribute value", async () => {
    const view = await openWhole(hostileArticle());
    expect(view.$$("img")).toHaveLength(0);
    expect(view.$$("figure[data-block='figure']")).toHaveLength(4);
    expect(view.$("figure figcaption span").textContent).toBe("<object data=x></object>");
    expect(view.$("figure figcaption small").textContent).toBe("© <embed src=x>");
  });

  it("falls back to a safe language tag and drops an unparseable date", async () => {
    const view = await openWhole(hostileArticle());
    expect(view.$("article").getAttribute("lang")).toBe("nl");
    expect(view.$$("time")).toHaveLength(0);
  });

  it("leaves the original-article link out when the URL is unsafe", async () => {
    const view = await openWhole({ ...seedArticle(), url: null }, { originalUrl: "javascript:alert(1)" });
    expect(view.$$("a[data-field='original']")).toHaveLength(0);
  });

  it("refuses event handlers and URL attributes at the element factory", async () => {
    expect(() => h("p", { onclick: "alert(1)" })).toThrow();
    expect(() => h("a", { href: "https://example.org/" })).toThrow();
    expect(() => h("img", { SRC: "https://example.org/x.png" })).toThrow();
    expect(() => h("div", { style: "background:url(x)" })).toThrow();
  });
});
