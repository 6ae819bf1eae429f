// @vitest-environment node
import { describe, expect, it } from "vitest";
import { loadFixture, parseFixture } from "../../scripts/lib/fixtures";
import { extract } from "../../src/core/index";
import { readHead } from "../../src/core/page-head";
import { readModified } from "../../src/core/modified";
import { readBody } from "../../src/core/blocks";
import { parse } from "./dom";

const AD = "https://www.ad.nl/binnenland/live~a1/";

function modifiedOf(head: string, body: string, published: string | null): string | null {
  const doc = parse(`<html><head>${head}</head><body><article>${body}</article></body></html>`, AD);
  const { moments } = readBody(doc.querySelector("article")!, AD, "");
  return readModified(doc, readHead(doc), moments, published);
}

const PUBLISHED = "2025-07-01T06:30:00+02:00";
const moment = (iso: string) => `<h2><time datetime="${iso}">--:--</time> Moment</h2><p>Tekst.</p>`;

describe("readModified: when the article was last updated", () => {
  it("takes JSON-LD dateModified or article:modified_time when later than publication", () => {
    expect(modifiedOf(`<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2025-07-01T09:00:00+02:00"}</script>`, "", PUBLISHED)).toBe("2025-07-01T09:00:00+02:00");
    expect(modifiedOf(`<meta property="article:modified_time" content="2025-07-01T10:00:00+02:00">`, "", PUBLISHED)).toBe("2025-07-01T10:00:00+02:00");
  });

  it("says nothing when the page's modification is its publication", () => {
    expect(modifiedOf(`<meta property="article:modified_time" content="${PUBLISHED}">`, "", PUBLISHED)).toBeNull();
    expect(modifiedOf("", "<p>Tekst.</p>", PUBLISHED)).toBeNull();
  });

  it("takes a liveblog's newest moment when the declared date lags behind, in either order of moments", () => {
    const head = `<meta property="article:modified_time" content="${PUBLISHED}">`;
    const times = ["2025-07-01T10:31:00+02:00", "2025-07-01T22:58:00+02:00", "2025-07-01T12:00:00+02:00"];
    expect(modifiedOf(head, times.map(moment).join(""), PUBLISHED)).toBe("2025-07-01T22:58:00+02:00");
    // A time elsewhere than a heading (a teaser's date) is no moment of this article.
    expect(modifiedOf(head, `<p><time datetime="2025-08-01T10:00:00+02:00">1 aug</time></p>`, PUBLISHED)).toBeNull();
  });

  it("ignores dates that do not parse", () => {
    expect(modifiedOf(`<meta property="article:modified_time" content="gisteren">`, "", PUBLISHED)).toBeNull();
  });

  it("gives the liveblog fixtures their newest moment", () => {
    for (const [name, want] of [
      ["ad-current-liveblog-hittegolf-large", "2025-07-01T22:58:00+02:00"],
      ["volkskrant-artstyle-liveblog-klimaattop", "2024-11-22T23:41:00+01:00"],
    ] as const) {
      const fixture = loadFixture(name);
      const result = extract(parseFixture(fixture), fixture.expected.url);
      expect(result.ok && result.article.modified, name).toBe(want);
    }
  });
});
