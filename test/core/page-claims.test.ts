/**
 * What the core believes of a page's own claims: image addresses (only DPG's image hosts and
 * the titles' own hosts, over https) and its canonical address (only on the same DPG title).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/core/index";
import { isDpgImageUrl } from "../../src/core/image-hosts";
import { pageUrl } from "../../src/core/metadata";
import { sameDpgSite } from "../../src/core/urls";
import { adPage, parse } from "./dom";

const PAGE = "https://www.ad.nl/buitenland/test~a1b2c3d4/";

function articleOf(html: string) {
  const result = extract(parse(html, PAGE), PAGE);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

describe("isDpgImageUrl", () => {
  it.each([
    "https://images.ad.nl/abc/kandahar.jpg",
    "https://image.volkskrant.nl/123/width/960/x.jpg",
    "https://images0.persgroep.net/rcs/sig/diocontent/1/_fitwidth/694/x.jpg",
    "https://images.tubantia.nl/x.jpg",
    "https://www.hln.be/static/x.png",
    "https://IMAGES.AD.NL./x.jpg",
  ])("allows %s", (url) => expect(isDpgImageUrl(url)).toBe(true));

  it.each([
    "http://images.ad.nl/x.jpg",
    "https://www.facebook.com/tr?id=1&ev=PageView",
    "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/",
    "https://images.ad.nl.evil.example/x.jpg",
    "https://evilad.nl/x.jpg",
    "https://user:pw@images.ad.nl/x.jpg",
    "https://images.ad.nl:8443/x.jpg",
    "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
    "//images.ad.nl/x.jpg",
    "not a url",
  ])("refuses %s", (url) => expect(isDpgImageUrl(url)).toBe(false));
});

describe("figures: images only from DPG's hosts", () => {
  const figure = (html: string) => articleOf(adPage(`<p>Eerste alinea.</p><figure>${html}</figure>`)).blocks[1];
  const caption = `<figcaption><span>De brug.</span> <span>© ANP</span></figcaption>`;

  it("skips candidates off the list and takes the first on it", () => {
    expect(figure(`<img src="https://www.facebook.com/tr?id=1" data-src="https://images.ad.nl/echt.jpg">${caption}`)).toMatchObject({
      src: "https://images.ad.nl/echt.jpg",
    });
  });

  it("keeps caption and credit, without an image, when every address is elsewhere", () => {
    const html = `<img data-src="https://www.facebook.com/tr?id=1" data-lazy-src="http://images.ad.nl/a.jpg"
      data-srcset="https://googleads.g.doubleclick.net/pagead/1 2x"><noscript><img src="https://evil.example/t.gif"></noscript>${caption}`;
    expect(figure(html)).toEqual({ type: "figure", text: "De brug. © ANP", src: null, alt: "", caption: "De brug.", credit: "ANP" });
  });
});

describe("canonical address", () => {
  const withHead = (head: string) => parse(`<!doctype html><html><head>${head}</head><body></body></html>`, PAGE);

  it("is believed on the same DPG title, www. or regional subdomain alike", () => {
    expect(pageUrl(withHead(`<link rel="canonical" href="https://ad.nl/a~1/">`), PAGE)).toBe("https://ad.nl/a~1/");
    expect(pageUrl(withHead(`<link rel="canonical" href="/b~2/">`), PAGE)).toBe("https://www.ad.nl/b~2/");
  });

  it.each([
    ["another host", `<link rel="canonical" href="https://evil.example/ad.nl/a~1/">`],
    ["another DPG title", `<link rel="canonical" href="https://www.volkskrant.nl/a~1/">`],
    ["a lookalike host", `<link rel="canonical" href="https://www.ad.nl.evil.example/a~1/">`],
    ["a script URL", `<link rel="canonical" href="javascript:alert(1)">`],
    ["og:url elsewhere", `<meta property="og:url" content="https://evil.example/">`],
  ])("on %s is ignored: the tab's own address instead", (_, head) => {
    expect(pageUrl(withHead(head), PAGE)).toBe(PAGE);
  });

  it("goes into the article as its url", () => {
    const html = adPage("<p>Een alinea.</p>").replace("https://www.ad.nl/buitenland/test~a1b2c3d4/", "https://evil.example/x");
    expect(articleOf(html).url).toBe(PAGE);
  });

  it("with no web address to go by (a saved file), is believed on any DPG title only", () => {
    expect(sameDpgSite("https://www.hln.be/a~1/", null)).toBe(true);
    expect(sameDpgSite("https://www.hln.be/a~1/", "file:///tmp/page.html")).toBe(true);
    expect(sameDpgSite("https://evil.example/", null)).toBe(false);
  });
});
