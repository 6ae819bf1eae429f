// @vitest-environment node
/** The extraction rules of /tmp/team/core-conventions.md, one by one, on small generated pages. */
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/core/index";
import { extract } from "../../src/core/index";
import { MARKER, PLACEHOLDER, adPage, parse } from "./dom";

const URL_OF_PAGE = "https://www.ad.nl/buitenland/test~a1b2c3d4/";

function blocksOf(html: string, url = URL_OF_PAGE): Block[] {
  const result = extract(parse(html, url), url);
  if (!result.ok) throw new Error(result.reason);
  return result.article.blocks;
}
const bodyBlocks = (body: string) => blocksOf(adPage(`<p>Eerste alinea.</p>${body}`)).slice(1);
const embedOf = (around: string) => bodyBlocks(around.replace("%", `<div>${PLACEHOLDER}</div>`));

describe("embeds", () => {
  it("names nothing when the page reveals nothing", () => {
    expect(embedOf("<div>%</div>")).toEqual([
      { type: "embed", kind: "unknown", url: null },
    ]);
  });

  it("links a post from an a[href], preferring the post over profile and hashtag links", () => {
    const html = `<div>%<a href="https://twitter.com/hashtag/storm">#storm</a><a href="http://twitter.com/KNMI/status/42?ref_src=tw#x">Bekijk</a></div>`;
    expect(embedOf(html)).toEqual([
      { type: "embed", kind: "x", url: "https://twitter.com/KNMI/status/42" },
    ]);
  });

  it("reads bare ids and URLs from data-* attributes", () => {
    expect(embedOf(`<div data-tweet-id="1234567890">%</div>`)[0]).toMatchObject({ kind: "x", url: "https://x.com/i/status/1234567890" });
    expect(embedOf(`<div data-instagram-id="C0deXyZ">%</div>`)[0]).toMatchObject({ kind: "instagram", url: "https://www.instagram.com/p/C0deXyZ/" });
    expect(embedOf(`<div data-social-url="https://www.tiktok.com/@nos/video/7312?lang=nl">%</div>`)[0]).toMatchObject({
      kind: "tiktok",
      url: "https://www.tiktok.com/@nos/video/7312",
    });
    expect(embedOf(`<div data-tweet-id="1&quot;><script>">%</div>`)[0]).toMatchObject({ kind: "unknown", url: null });
  });

  it("finds the post in a tweet blockquote beside the placeholder, which then adds nothing itself", () => {
    const quote = `<blockquote class="twitter-tweet"><p>Tweettekst</p>&mdash; NOS <a href="https://twitter.com/NOS/status/77">1 mei</a></blockquote>`;
    expect(embedOf(`<div>%</div>${quote}<p>Verder.</p>`)).toEqual([
      { type: "embed", kind: "x", url: "https://twitter.com/NOS/status/77" },
      { type: "paragraph", text: "Verder." },
    ]);
  });

  it("reads a noscript copy, also when the browser keeps it as text", () => {
    const doc = parse(adPage(`<p>Eerste.</p><div><div>${PLACEHOLDER}</div><noscript></noscript></div>`), URL_OF_PAGE);
    doc.querySelector("noscript")!.textContent = `<iframe src="https://www.youtube-nocookie.com/embed/abc123?autoplay=1"></iframe>`;
    const result = extract(doc, URL_OF_PAGE);
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.blocks[1]).toEqual({
      type: "embed",
      kind: "youtube",
      url: "https://www.youtube.com/watch?v=abc123",
    });
  });

  it("reads the embed's own JSON-LD", () => {
    const ld = `<script type="application/ld+json">{"@type":"SocialMediaPosting","author":{"url":"https://www.instagram.com/nos/"},"sharedContent":{"url":"https://www.instagram.com/p/DAbC123/"}}</script>`;
    expect(embedOf(`<div>%${ld}</div>`)[0]).toMatchObject({ kind: "instagram", url: "https://www.instagram.com/p/DAbC123/" });
    expect(embedOf(`<div>%<script type="application/ld+json">{broken</script></div>`)[0]).toMatchObject({ kind: "unknown", url: null });
  });

  it("keeps only the v parameter of a YouTube watch link", () => {
    expect(embedOf(`<div>%<a href="https://www.youtube.com/watch?v=dQw4&t=42s&si=track">YouTube</a></div>`)[0]).toMatchObject({
      url: "https://www.youtube.com/watch?v=dQw4",
    });
  });

  it("takes the kind from attribute hints, never from the placeholder's own wording", () => {
    expect(embedOf(`<div data-embed-type="liveblog">%</div>`)[0]).toEqual({
      type: "embed", kind: "liveblog", url: null,
    });
    expect(embedOf(`<div class="embed--instagram">%</div>`)[0]).toMatchObject({
      kind: "instagram", url: null,
    });
  });

  it("ignores links to hosts that are not social platforms", () => {
    expect(embedOf(`<div>%<a href="https://www.ad.nl/privacy">Privacy</a></div>`)[0]).toMatchObject({ kind: "unknown", url: null });
  });

  it("turns a lone unloaded tweet into an embed note", () => {
    expect(bodyBlocks(`<blockquote class="twitter-tweet"><p>Hoi</p><a href="https://x.com/a/status/9">link</a></blockquote>`)).toEqual([
      { type: "embed", kind: "x", url: "https://x.com/a/status/9" },
    ]);
  });

  it("gives each of several placeholders its own note, in place", () => {
    const blocks = bodyBlocks(`<div>${PLACEHOLDER}</div><p>Tussen.</p><div data-tweet-id="5">${PLACEHOLDER}</div>`);
    expect(blocks.map((b) => [b.type, b.type === "embed" ? b.kind : b.text])).toEqual([
      ["embed", "unknown"], ["paragraph", "Tussen."], ["embed", "x"],
    ]);
  });
});

describe("figures", () => {
  const figure = (html: string) => bodyBlocks(`<figure>${html}</figure>`)[0];

  it("AD: caption and © credit, fullscreen label dropped", () => {
    expect(figure(`<a><picture><img src="https://images.ad.nl/a.jpg" alt=" Alt  tekst "></picture></a>
      <button><svg><title>Volledig scherm</title></svg></button>
      <figcaption><span><svg></svg></span><span><strong>Een onderschrift.</strong> <span>© EPA</span></span></figcaption>`)).toEqual({
      type: "figure", src: "https://images.ad.nl/a.jpg", alt: "Alt tekst", caption: "Een onderschrift.", credit: "EPA",
      text: "Een onderschrift. © EPA",
    });
  });

  it("Volkskrant: span caption, 'Bron' and cite credit, fullscreen button by aria-label", () => {
    expect(figure(`<img src="https://image.volkskrant.nl/1/width/1024/x">
      <button aria-label="Open deze afbeelding in volledig scherm"></button>
      <figcaption><span>Boeren bij het Binnenhof.</span> <span>Bron </span><cite>ANP</cite></figcaption>`)).toMatchObject({
      caption: "Boeren bij het Binnenhof.", credit: "ANP", text: "Boeren bij het Binnenhof. © ANP",
    });
  });

  it("credit only, caption only, and a plain-text 'Volledig scherm' label", () => {
    expect(figure(`<img src="https://images.ad.nl/a.jpg"><figcaption><span class="figcaption__credit">Foto: Pim Ras</span></figcaption>`)).toMatchObject({
      caption: null, credit: "Pim Ras", text: "© Pim Ras",
    });
    expect(figure(`<img src="https://images.ad.nl/a.jpg"><figcaption>Volledig scherm Alleen tekst.</figcaption>`)).toMatchObject({
      caption: "Alleen tekst.", credit: null, text: "Alleen tekst.",
    });
  });

  it("finds lazy images: data-src, the largest srcset candidate, picture sources, noscript copies", () => {
    const gif = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
    expect(figure(`<img src="${gif}" data-src="/lazy.jpg">`)).toMatchObject({ src: "https://www.ad.nl/lazy.jpg" });
    expect(figure(`<img srcset="https://images.ad.nl/a,b.jpg 480w, https://images.ad.nl/c.jpg 1600w, https://images.ad.nl/d.jpg 960w">`)).toMatchObject({ src: "https://images.ad.nl/c.jpg" });
    expect(figure(`<picture><source srcset="https://images.ad.nl/1x.webp 1x, https://images.ad.nl/2x.webp 2x"><img></picture>`)).toMatchObject({ src: "https://images.ad.nl/2x.webp" });
    expect(figure(`<img src="${gif}" alt="Alt"><noscript><img src="https://images.ad.nl/echt.jpg"></noscript>`)).toMatchObject({ src: "https://images.ad.nl/echt.jpg", alt: "Alt" });
  });

  it("drops a figure with neither image nor caption", () => {
    expect(bodyBlocks(`<figure><img src="javascript:x"></figure><p>Daarna.</p>`)).toEqual([{ type: "paragraph", text: "Daarna." }]);
  });
});

describe("body blocks", () => {
  it("headings, lists and quotes", () => {
    expect(bodyBlocks(`<h2>Kop twee</h2><h4>Kop vier</h4><ol><li>een</li><li> </li><li><p>twee</p><p>regels</p></li></ol>
      <blockquote><p>Citaat één.</p><p>Citaat twee.</p><footer>— Jan Jansen</footer></blockquote><blockquote>Zonder bron</blockquote>`)).toEqual([
      { type: "heading", text: "Kop twee", level: 2 },
      { type: "heading", text: "Kop vier", level: 3 },
      { type: "list", items: ["een", "twee regels"], text: "een\ntwee regels", ordered: true },
      { type: "quote", text: "Citaat één. Citaat twee.", cite: "Jan Jansen" },
      { type: "quote", text: "Zonder bron", cite: null },
    ]);
  });

  it("reads text held in nested divs, loose text runs and <br>", () => {
    expect(bodyBlocks(`<div><div>Tekst in een div.</div></div><div>Losse tekst<br>met regel.<div>Blok.</div>En staart.</div>`)).toEqual([
      { type: "paragraph", text: "Tekst in een div." },
      { type: "paragraph", text: "Losse tekst met regel." },
      { type: "paragraph", text: "Blok." },
      { type: "paragraph", text: "En staart." },
    ]);
  });

  it("drops markers, also split over elements or inline at the end of a paragraph", () => {
    expect(bodyBlocks(`<p>Zin.<span class="sr">${MARKER}</span></p><div><span>Tekst gaat</span> <span>verder onder</span> <b>de foto.</b></div><p>Na.</p>`)).toEqual([
      { type: "paragraph", text: "Zin." },
      { type: "paragraph", text: "Na." },
    ]);
  });

  it("drops ads, promotions, tips, the playlist with its widget and everything after the body end", () => {
    const body = `<div id="article_paragraph_1"><span>Advertentie</span></div><div class="ad--slot">Reclame</div><div class="x dfp-space">Ad</div>
      <aside data-temptation-position="ARTICLE_INLINE_MIDDLE"><p>Word abonnee</p></aside>
      <section data-test-id="editorial-tips"><h3>Lees ook</h3><ul><li>Iets</li></ul></section>
      <div><p>Bekijk onze nieuwsvideo’s in onderstaande playlist:</p></div><div><div data-src="https://embed.ad.nl/widgets/playlist/x">Video 1 Video 2</div></div>
      <p>Laatste alinea.</p><p>Lees meer: nog een artikel</p>`;
    expect(bodyBlocks(body)).toEqual([{ type: "paragraph", text: "Laatste alinea." }]);
    const all = blocksOf(adPage(`<p>Eerste alinea.</p>`)).map((b) => (b.type === "embed" ? b.kind : b.text));
    expect(all).toEqual(["Eerste alinea."]);
  });

  it("stops at #article-content-bottom even when it sits inside a block", () => {
    expect(bodyBlocks(`<div><p>Binnen.</p><div id="article-content-bottom"></div><p>Na het einde.</p></div><p>Ook niet.</p>`)).toEqual([
      { type: "paragraph", text: "Binnen." },
    ]);
  });
});

describe("header fields", () => {
  const header = (html: string, url = URL_OF_PAGE) => {
    const result = extract(parse(html, url), url);
    if (!result.ok) throw new Error(result.reason);
    const { blocks: _blocks, ...rest } = result.article;
    return rest;
  };

  it("current layout: h1, intro, author links (aria-label), time, site, canonical url", () => {
    const byline = `<a href="/auteur/a" aria-label="auteur Anna Bakker">AB</a><a href="/auteur/b">Bert de Vries</a><a href="/auteur/c" aria-label="auteur Cem Yilmaz"></a>
      <time datetime="2025-05-01T10:00:00+02:00">1 mei</time>`;
    expect(header(adPage(`<p>Tekst.</p>`, byline))).toEqual({
      title: "Kop van het artikel", intro: "De intro.", byline: "Anna Bakker, Bert de Vries en Cem Yilmaz",
      published: "2025-05-01T10:00:00+02:00", site: "AD", url: URL_OF_PAGE, lang: "nl", paywall: false,
    });
  });

  it("falls back to JSON-LD, then meta tags; French pages join with 'et'", () => {
    const ld = `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"LD kop","datePublished":"2024-01-02T03:04:05Z","author":[{"name":"Léa Dupont"},{"name":"Marc Petit"}]}]}</script>`;
    const page = `<html lang="fr"><head>${ld}<meta property="og:title" content="OG"></head><body><article id="article-content"><p>Texte.</p></article></body></html>`;
    expect(header(page, "https://www.7sur7.be/monde/x~a1/")).toMatchObject({
      title: "LD kop", byline: "Léa Dupont et Marc Petit", published: "2024-01-02T03:04:05Z", site: "7sur7", lang: "fr", intro: null,
    });
    const meta = `<html><head><meta name="author" content="Redactie"><meta property="article:published_time" content="2023-03-03"></head>
      <body><article id="article-content"><h1>Kop</h1><p>Tekst.</p></article></body></html>`;
    expect(header(meta)).toMatchObject({ byline: "Redactie", published: "2023-03-03" });
  });

  it("older AD classic and Volkskrant artstyle layouts", () => {
    const classic = `<article class="article"><header><h1 class="article__title">Klassiek</h1><p class="article__intro">Intro.</p>
      <span class="article__author">Door Piet Post</span><time datetime="2019-01-01">1 jan</time></header>
      <div class="article__body"><div class="article__component--paragraph"><p class="article__paragraph">Alinea.</p></div>
      <div class="article__component--outstream-advertisement">Advertentie</div></div></article>`;
    expect(blocksOf(classic)).toEqual([{ type: "paragraph", text: "Alinea." }]);
    expect(header(classic)).toMatchObject({ title: "Klassiek", intro: "Intro.", byline: "Piet Post", published: "2019-01-01" });
    const artstyle = `<div class="artstyle"><header class="artstyle__header"><h1 class="artstyle__header-title">Art</h1></header>
      <p class="artstyle__intro">Inleiding.</p><div class="artstyle__main"><p class="artstyle__paragraph">Tekst.</p>
      <div class="artstyle__advertisement">Advertentie</div><p class="artstyle__paragraph">Meer.</p></div></div>`;
    expect(blocksOf(artstyle, "https://www.volkskrant.nl/x~b1/")).toEqual([
      { type: "paragraph", text: "Tekst." }, { type: "paragraph", text: "Meer." },
    ]);
    expect(header(artstyle, "https://www.volkskrant.nl/x~b1/")).toMatchObject({ title: "Art", intro: "Inleiding.", site: "de Volkskrant" });
  });

  it("offers no article without a body, a title or any text", () => {
    const reason = (html: string) => {
      const r = extract(parse(html), URL_OF_PAGE);
      return r.ok ? null : r.reason;
    };
    expect(reason(`<main><h1>Binnenland</h1><article><h3>Teaser</h3></article></main>`)).toBe("no article body found");
    expect(reason(`<article id="article-content"><header><h1>Kop</h1></header><figure><img src="https://images.ad.nl/a.jpg"></figure></article>`)).toBe("no article text found");
  });
});
