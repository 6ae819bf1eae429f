// @vitest-environment node
/**
 * Hostile and broken pages: extraction never throws, never carries markup or unsafe URLs
 * into the Article, and does not blow the stack or the clock on extreme pages.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/index";
import { assess, detect, extract } from "../../src/core/index";
import { MARKER, PLACEHOLDER, adPage, parse } from "./dom";

const URL_OF_PAGE = "https://www.ad.nl/buitenland/test~a1b2c3d4/";

function urlsOf(article: Article): string[] {
  return article.blocks.flatMap((b) => (b.type === "figure" ? [b.src] : b.type === "embed" ? [b.url] : [])).filter((u): u is string => u !== null);
}

function expectSafe(article: Article): void {
  // Plain data only: survives JSON unchanged.
  expect(JSON.parse(JSON.stringify(article))).toEqual(article);
  for (const url of urlsOf(article)) expect(new URL(url).protocol).toMatch(/^https?:$/);
  for (const block of article.blocks) if (block.type === "embed" && block.url) expect(block.url).toMatch(/^https:\/\//);
  const text = JSON.stringify(article);
  for (const bad of ["<script", "alert(", "javascript:", "data:", "onerror", "onclick", "srcdoc"]) expect(text).not.toContain(bad);
}

const HOSTILE_BODY = `
<p onclick="alert(1)">Eerste alinea <script>alert("x")</script>met tekst.<img src=x onerror="alert(2)"></p>
<p><a href="javascript:alert(3)">Een link</a> en <a href="data:text/html,<script>alert(4)</script>">nog een</a>.</p>
<span>${MARKER}</span>
<figure><img src="javascript:alert(5)" srcset="javascript:alert(6) 800w, data:image/png;base64,AAAA 1600w" data-src="data:image/svg+xml,<svg onload=alert(7)>">
<figcaption>Onderschrift <svg><script>alert(8)</script><title>Volledig scherm</title></svg> © ANP</figcaption></figure>
<figure><img src="blob:https://www.ad.nl/1234"><noscript><img src="javascript:alert(9)"></noscript><figcaption>Alleen een blob © X</figcaption></figure>
<div>${PLACEHOLDER}<a href="javascript:alert(10)">Bekijk</a><div data-url="javascript://x.com/status/1"></div></div>
<div>${PLACEHOLDER}<a href="http://x.com/someone/status/123#frag?x" onclick="alert(11)">Bekijk op X</a></div>
<iframe srcdoc="<p>${PLACEHOLDER}</p><script>alert(12)</script>"></iframe>
<svg><script>alert(13)</script><text>svg tekst</text></svg>
<p>Slotalinea<style>p{}</style>.</p>`;

describe("hostile pages", () => {
  it("keeps scripts, handlers and unsafe URLs out of the article", () => {
    const doc = parse(adPage(HOSTILE_BODY), URL_OF_PAGE);
    expect(detect(doc)).toEqual({ placeholders: 2, photoMarkers: 1 });
    const { result, offered } = assess(doc, URL_OF_PAGE);
    if (!result.ok) throw new Error(result.reason);
    expect(offered).toBe(true);
    expectSafe(result.article);
    const blocks = result.article.blocks;
    expect(blocks.filter((b) => b.type === "paragraph").map((b) => b.text)).toEqual([
      "Eerste alinea met tekst.",
      "Een link en nog een.",
      "Slotalinea.",
    ]);
    const figures = blocks.filter((b) => b.type === "figure");
    expect(figures.map((f) => [f.src, f.caption, f.credit])).toEqual([
      [null, "Onderschrift", "ANP"],
      [null, "Alleen een blob", "X"],
    ]);
    expect(blocks.filter((b) => b.type === "embed").map((b) => b.url)).toEqual([null, "https://x.com/someone/status/123"]);
  });

  it("never resolves a relative URL against a javascript: page URL", () => {
    const doc = parse(adPage(`<p>Tekst.</p><figure><img src="/foto.jpg"></figure><span>${MARKER}</span>`), URL_OF_PAGE);
    const result = extract(doc, "javascript:alert(1)");
    if (!result.ok) throw new Error(result.reason);
    expectSafe(result.article);
  });

  it("does not detect markers that sit only in attributes, comments, scripts or iframes' srcdoc", () => {
    const body = `<p title="${MARKER}">Tekst</p><!-- ${PLACEHOLDER} ${MARKER} --><script>"${MARKER}"</script>
      <iframe srcdoc="<p>${MARKER}</p>"></iframe><img alt="${MARKER}"><p>Gewone alinea.</p>`;
    const doc = parse(adPage(body), URL_OF_PAGE);
    expect(detect(doc)).toEqual({ placeholders: 0, photoMarkers: 0 });
    // Still an article (every DPG article is offered), and none of those texts gets into it.
    const { result } = assess(doc, URL_OF_PAGE);
    expect(result.ok && result.article.blocks).toEqual([{ type: "paragraph", text: "Tekst" }, { type: "paragraph", text: "Gewone alinea." }]);
  });

  it("survives malformed HTML", () => {
    const broken = [
      `<p>Open alinea <b>vet <i>schuin</p> ${MARKER}</b></i><div><p>Binnen</span></div></div></div>`,
      `<table><tr><td><p>Cel ${PLACEHOLDER}</td><figure><figcaption>© </figcaption></table>`,
      `<ul><li>een<li>twee<ol><li>drie</ul></p></p><h2></h2><blockquote><cite></blockquote>`,
      `<figure><img srcset=",,, , 100q,"><figcaption>Volledig scherm</figcaption></figure><p>&#0;&#xD800;&bogus; tekst</p>`,
    ];
    for (const body of broken) {
      const doc = parse(adPage(body), URL_OF_PAGE);
      expect(() => detect(doc)).not.toThrow();
      const result = extract(doc, URL_OF_PAGE);
      if (result.ok) expectSafe(result.article);
      else expect(result.reason).toMatch(/^[a-z].*[a-z)]$/);
    }
  });

  it("reads 5,000 levels of nesting without overflowing the stack", { timeout: 240_000 }, () => {
    const depth = 5000;
    const deep = "<div>".repeat(depth) + `<p>Diep verstopte alinea.</p><span>${MARKER}</span>${PLACEHOLDER}` + "</div>".repeat(depth);
    const doc = parse(adPage(`<p>Bovenaan.</p>${deep}<p>Onderaan.</p>`), URL_OF_PAGE);
    expect(detect(doc)).toEqual({ placeholders: 1, photoMarkers: 1 });
    const result = extract(doc, URL_OF_PAGE);
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph", "embed", "paragraph"]);
    expect(result.article.blocks[1]).toEqual({ type: "paragraph", text: "Diep verstopte alinea." });
  });

  it("gets through a 10 MB page in reasonable time", { timeout: 240_000 }, () => {
    const paragraph = `<div data-article-element-index="1"><p data-ats-category="paragraph">${"Een lange zin over niets in het bijzonder. ".repeat(12)}</p></div>`;
    const ad = `<div aria-hidden="true" id="article_paragraph_3"><span>Advertentie</span></div>`;
    const chunk = paragraph + ad + `<span>${MARKER}</span><figure><img src="https://images.ad.nl/x.jpg"><figcaption>Foto © ANP</figcaption></figure>`;
    const repeats = Math.ceil(10_000_000 / chunk.length);
    const html = adPage(chunk.repeat(repeats) + `<div>${PLACEHOLDER}</div>`);
    expect(html.length).toBeGreaterThan(10_000_000);
    const doc = parse(html, URL_OF_PAGE);
    const start = performance.now();
    const detection = detect(doc);
    const result = extract(doc, URL_OF_PAGE);
    const seconds = (performance.now() - start) / 1000;
    expect(detection).toEqual({ placeholders: 1, photoMarkers: repeats });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.blocks).toHaveLength(repeats * 2 + 1);
    expect(seconds).toBeLessThan(60);
  });

  it("answers with a reason, not an exception, for documents without the usual parts", () => {
    const empty = parse("");
    empty.documentElement.remove();
    expect(detect(empty)).toEqual({ placeholders: 0, photoMarkers: 0 });
    expect(extract(empty, URL_OF_PAGE)).toEqual({ ok: false, reason: "no article body found" });
    const noTitle = parse(`<article id="article-content"><p>${MARKER}</p><p>Tekst</p></article>`);
    const result = extract(noTitle, URL_OF_PAGE);
    expect(result.ok ? null : result.reason).toBe("no article title found");
    expect(assess(parse("<p>x</p>"), "not a url").offered).toBe(false);
  });
});
