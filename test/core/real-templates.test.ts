// @vitest-environment node
/**
 * Issue 11 on small generated pages: the 2026 templates' parts (old-src players and widgets,
 * currentsourceurl images, carousels), lazy images in every form, credits by their label,
 * promotions by what their links do, markers as a family, the paywall and the anchored reading.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/core/index";
import { detect, extract } from "../../src/core/index";
import { readingSrcsetUrl } from "../../src/core/urls";
import { MARKER, PLACEHOLDER, adPage, parse } from "./dom";

const URL_OF_PAGE = "https://www.ad.nl/buitenland/test~a1b2c3d4/";

function blocksOf(html: string): Block[] {
  const result = extract(parse(html, URL_OF_PAGE), URL_OF_PAGE);
  if (!result.ok) throw new Error(result.reason);
  return result.article.blocks;
}
const bodyBlocks = (body: string) => blocksOf(adPage(`<p>Eerste alinea.</p>${body}`)).slice(1);
const figure = (html: string) => bodyBlocks(`<figure>${html}</figure>`)[0];
const embedWith = (companion: string) => bodyBlocks(`<div><div>${PLACEHOLDER}</div>${companion}</div>`)[0];

describe("blocked posts in the grid template", () => {
  it("turns an old-src player address into the post's own page", () => {
    expect(embedWith(`<div old-src="https://www.youtube-nocookie.com/embed/q7RtW2sKp0M?start=12&feature=oembed"></div>`)).toEqual({
      type: "embed", kind: "youtube", url: "https://www.youtube.com/watch?v=q7RtW2sKp0M",
    });
    expect(embedWith(`<div old-src="https://platform.twitter.com/embed/Tweet.html?id=1861234567890123456&theme=light"></div>`)).toEqual({
      type: "embed", kind: "x", url: "https://x.com/i/status/1861234567890123456",
    });
    expect(embedWith(`<div old-src="https://www.instagram.com/p/DBx7kQ2sN4v/embed/captioned/?cr=1"></div>`)).toEqual({
      type: "embed", kind: "instagram", url: "https://www.instagram.com/p/DBx7kQ2sN4v/",
    });
    const post = encodeURIComponent("https://www.facebook.com/gemeente/posts/pfbid02Xk?ref=embed");
    expect(embedWith(`<div old-src="https://www.facebook.com/plugins/post.php?href=${post}&show_text=true"></div>`)).toEqual({
      type: "embed", kind: "facebook", url: "https://www.facebook.com/gemeente/posts/pfbid02Xk",
    });
  });

  it("accounts for a removed player that has no placeholder text beside it", () => {
    expect(bodyBlocks(`<div data-content-type="EMBED"><div old-src="https://www.instagram.com/p/C9xYz/embed/"></div></div><p>Daarna.</p>`)).toEqual([
      { type: "embed", kind: "instagram", url: "https://www.instagram.com/p/C9xYz/" },
      { type: "paragraph", text: "Daarna." },
    ]);
  });

  it("drops DPG's own widgets and playlists with their label and title", () => {
    const widget = `<div data-content-type="VIDEO"><div><span>Video</span><p>Zo ziet het ijs eruit</p><div old-src="https://embed.tubantia.nl/widgets/video/?videoId=1"></div></div></div>`;
    const playlist = `<div><div><span>Video</span><div old-src="https://content.dpgmedia.net/playlists/8f3a/embed"></div></div></div>`;
    expect(bodyBlocks(`${widget}<p>Daarna.</p>${playlist}`)).toEqual([{ type: "paragraph", text: "Daarna." }]);
  });
});

describe("lazy images", () => {
  const GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

  it("finds the address in every lazy attribute behind a placeholder", () => {
    for (const attr of ["currentsourceurl", "data-src", "data-original", "data-lazy-src", "data-lazy"]) {
      expect(figure(`<img src="${GIF}" ${attr}="https://images.ad.nl/echt.jpg">`), attr).toMatchObject({ src: "https://images.ad.nl/echt.jpg" });
    }
    expect(figure(`<img src="" currentsourceurl="https://images.ad.nl/grid.jpg" loading="lazy">`)).toMatchObject({ src: "https://images.ad.nl/grid.jpg" });
    expect(figure(`<img src="https://www.hln.be/assets/img/placeholder.gif" data-src="https://images.hln.be/a.jpg">`)).toMatchObject({ src: "https://images.hln.be/a.jpg" });
    expect(figure(`<img src="https://www.volkskrant.nl/static/img/blank.gif" data-original="https://image.volkskrant.nl/1/width/1024/x">`)).toMatchObject({
      src: "https://image.volkskrant.nl/1/width/1024/x",
    });
    expect(figure(`<img src="https://images.ad.nl/pixel.gif" width="1" height="1" data-srcset="https://images.ad.nl/b.jpg 1280w">`)).toMatchObject({ src: "https://images.ad.nl/b.jpg" });
    expect(figure(`<picture><source data-srcset="https://images.ad.nl/p.webp 1200w"><img src="${GIF}"></picture>`)).toMatchObject({ src: "https://images.ad.nl/p.webp" });
  });

  it("takes no flag for an address, and never a placeholder", () => {
    expect(figure(`<img src="${GIF}" data-lazy="true"><figcaption>Onderschrift.</figcaption>`)).toMatchObject({ src: null, caption: "Onderschrift." });
    expect(figure(`<img src="blob:https://www.ad.nl/1234"><figcaption>Onderschrift.</figcaption>`)).toMatchObject({ src: null });
  });

  it("picks the srcset candidate that suits a reading column", () => {
    const widths = [640, 750, 828, 1080, 1200, 1920, 2480].map((w) => `https://images.ad.nl/${w}.jpg ${w}w`).join(", ");
    expect(readingSrcsetUrl(widths)).toBe("https://images.ad.nl/1080.jpg");
    expect(readingSrcsetUrl("https://images.ad.nl/a.jpg 480w, https://images.ad.nl/b.jpg 768w")).toBe("https://images.ad.nl/b.jpg");
    expect(readingSrcsetUrl("https://images.ad.nl/1.jpg 1x, https://images.ad.nl/3.jpg 3x, https://images.ad.nl/2.jpg 2x")).toBe("https://images.ad.nl/2.jpg");
    expect(readingSrcsetUrl("https://images.ad.nl/only.jpg")).toBe("https://images.ad.nl/only.jpg");
    // srcset beats src: it is what the browser would show.
    expect(figure(`<img src="https://images.ad.nl/2480.jpg" srcset="${widths}">`)).toMatchObject({ src: "https://images.ad.nl/1080.jpg" });
  });

  it("says no alt for a leaked null, undefined or a file name", () => {
    for (const alt of ["null", "undefined", "waalkade_hoogwater_2024.jpg", "IMG-2041.JPEG"]) {
      expect(figure(`<img src="https://images.ad.nl/a.jpg" alt="${alt}">`), alt).toMatchObject({ alt: "" });
    }
    expect(figure(`<img src="https://images.ad.nl/a.jpg" alt="Een null-meting.">`)).toMatchObject({ alt: "Een null-meting." });
  });
});

describe("credits and captions", () => {
  const parts = (caption: string) => {
    const f = figure(`<img src="https://images.ad.nl/a.jpg"><figcaption>${caption}</figcaption>`);
    return f?.type === "figure" ? [f.caption, f.credit] : null;
  };

  it("strips every label from the credit, and a label element from both", () => {
    expect(parts(`<span>Bomen langs de dijk.</span> <cite>Beeld Harmen de Jong</cite>`)).toEqual(["Bomen langs de dijk.", "Harmen de Jong"]);
    expect(parts(`<span>Bomen.</span> <cite>foto Harmen de Jong</cite>`)).toEqual(["Bomen.", "Harmen de Jong"]);
    expect(parts(`<span>Putten op het wad.</span> <span>Bron</span> <span>Rijksuniversiteit Groningen</span>`)).toEqual(["Putten op het wad.", "Rijksuniversiteit Groningen"]);
    expect(parts(`<span>Putten.</span> <span class="credit-label">Beeld</span> <span class="credit">ANP</span>`)).toEqual(["Putten.", "ANP"]);
    expect(parts(`Een zeehond op de kant. Foto: Pim Ras`)).toEqual(["Een zeehond op de kant.", "Pim Ras"]);
    expect(parts(`<span>Zangeres op het podium.</span> <span>© Instagram Lotte Vermeulen</span>`)).toEqual(["Zangeres op het podium.", "Instagram Lotte Vermeulen"]);
    expect(parts(`<cite>Bron: ANP</cite>`)).toEqual([null, "ANP"]);
  });

  it("keeps a caption that merely starts with such a word", () => {
    expect(parts(`Foto van de brand, genomen door een buurtbewoner.`)).toEqual(["Foto van de brand, genomen door een buurtbewoner.", null]);
    expect(parts(`<span>Beeld uit de film.</span> <span>Wat een dag.</span>`)).toEqual(["Beeld uit de film. Wat een dag.", null]);
  });
});

describe("photo series", () => {
  it("gives one figure per slide with the img's caption and credits, and no repeated caption list", () => {
    const slide = (n: number, credit: string) =>
      `<div role="tabpanel" aria-roledescription="slide" aria-label="${n} van 2"${n > 1 ? ' aria-hidden="true"' : ""}><img alt="null" caption="Foto ${n} van de markt." credits="${credit}" src="https://image.parool.nl/${n}/width/1080/x"></div>`;
    const carousel = `<div><div role="group" aria-roledescription="carousel" aria-label="Fotoserie">${slide(1, "Eva Plevier")}${slide(2, "foto Harmen de Jong")}<span>1/2</span></div>
      <div aria-hidden="true"><p><span>Foto 1 van de markt.</span> <cite>foto Eva Plevier</cite></p><p><span>Foto 2 van de markt.</span> <cite>foto Harmen de Jong</cite></p></div></div><p>Daarna.</p>`;
    expect(bodyBlocks(carousel)).toEqual([
      { type: "figure", text: "Foto 1 van de markt. © Eva Plevier", src: "https://image.parool.nl/1/width/1080/x", alt: "", caption: "Foto 1 van de markt.", credit: "Eva Plevier" },
      { type: "figure", text: "Foto 2 van de markt. © Harmen de Jong", src: "https://image.parool.nl/2/width/1080/x", alt: "", caption: "Foto 2 van de markt.", credit: "Harmen de Jong" },
      { type: "paragraph", text: "Daarna." },
    ]);
  });
});

describe("promotions by what they are", () => {
  const shared = encodeURIComponent(URL_OF_PAGE);
  const teasers = `<ul><li><a href="https://www.ad.nl/binnenland/een~a1/">Een ander artikel over iets</a></li><li><a href="/regio/twee~a2/">Nog een ander artikel</a></li></ul>`;

  it("drops share bars by where their links point, icon-only ones included", () => {
    const bar = `<div><a href="https://api.whatsapp.com/send?text=${shared}">Deel via WhatsApp</a><a href="https://www.facebook.com/sharer/sharer.php?u=${shared}"><svg></svg></a><a href="https://x.com/intent/post?url=${shared}">Deel op X</a><a href="mailto:?subject=x">Mail</a><button>Kopieer link</button></div>`;
    expect(bodyBlocks(`${bar}<p>Daarna.</p>`)).toEqual([{ type: "paragraph", text: "Daarna." }]);
  });

  it("drops a teaser or tag list with its heading, and keeps a paragraph beside it", () => {
    expect(bodyBlocks(`<div><h2>Meer over</h2>${teasers}</div><div><p>Het werk gebeurt in drie fasen:</p>${teasers}</div><p>Daarna.</p>`)).toEqual([
      { type: "paragraph", text: "Het werk gebeurt in drie fasen:" },
      { type: "paragraph", text: "Daarna." },
    ]);
    expect(bodyBlocks(`<h3>Onderkop</h3><p>Tekst met <a href="/binnenland/ander~a9/">een link</a> naar een ander stuk op de site.</p>`)).toEqual([
      { type: "heading", text: "Onderkop", level: 3 },
      { type: "paragraph", text: "Tekst met een link naar een ander stuk op de site." },
    ]);
  });

  it("drops newsletter, app and comment prompts", () => {
    const newsletter = `<div><div><p><strong>Nieuwsbrief</strong></p><p>Elke ochtend het nieuws in je mailbox.</p><form><input type="email"></form></div></div>`;
    const app = `<div><img src="https://www.hln.be/app.png"><p>Nog niet de gratis app? Download hem hier.</p><a href="https://apps.apple.com/be/app/x/id1">iOS</a></div>`;
    const comments = `<p><a href="${URL_OF_PAGE}#reacties">Reageer op dit artikel (12)</a></p>`;
    expect(bodyBlocks(`${newsletter}${app}${comments}<p>Daarna.</p>`)).toEqual([{ type: "paragraph", text: "Daarna." }]);
  });
});

describe("photo markers as a family", () => {
  const count = (body: string) => detect(parse(`<!DOCTYPE html><html><body>${body}</body></html>`)).photoMarkers;

  it("counts every wording, with or without De and a full stop", () => {
    expect(count(`<p><em>De tekst gaat verder onder de afbeelding</em></p><p>Tekst gaat verder onder de video</p><p>tekst gaat verder onder het beeld.</p><p>${MARKER}</p>`)).toBe(4);
  });

  it("never counts prose that happens to say it", () => {
    expect(count(`<p>De tekst gaat verder onder de foto's van de burgemeester, zei hij.</p><p>Hij las: tekst gaat verder onder de foto. Daarna niets.</p>`)).toBe(0);
  });

  it("drops the HLN wording from the article", () => {
    expect(bodyBlocks(`<p><em>De tekst gaat verder onder de afbeelding</em></p><p>Daarna.</p>`)).toEqual([{ type: "paragraph", text: "Daarna." }]);
  });
});

describe("paywall", () => {
  const paywall = (body: string) => {
    const result = extract(parse(adPage(`<p>Alinea.</p>${body}`), URL_OF_PAGE), URL_OF_PAGE);
    return result.ok && result.article.paywall;
  };

  it("is set by a paywall box or its 'Lees verder met …+' heading, not by a premium mark alone", () => {
    expect(paywall(`<div data-temptation-position="ARTICLE_PAYWALL"><p>Dit is een AD+ artikel</p></div>`)).toBe(true);
    expect(paywall(`<div data-test-id="paywall"><p>Neem een abonnement om verder te lezen.</p></div>`)).toBe(true);
    expect(paywall(`<div><h3>Lees verder met BD+</h3><a href="https://www.bd.nl/abonnement/">Word abonnee</a></div>`)).toBe(true);
    expect(paywall(`<svg class="premium-indicator"></svg>`)).toBe(false);
  });
});

describe("a layout never seen", () => {
  const page = (classes: boolean) => `<!DOCTYPE html><html lang="nl"><head><title>x</title><meta property="og:type" content="article"></head><body>
    <div${classes ? ' class="site"' : ""}><div><span>Menu</span></div>
    <div><div><h1>Een kop die nergens op lijkt</h1><p>De inleiding.</p></div>
    <div><p>Eerste alinea van het stuk, met genoeg tekst om het lichaam te zijn.</p><p>${MARKER}</p>
    <figure><img src="https://images.ad.nl/a.jpg"></figure><p>Tweede alinea van het stuk.</p><div>${PLACEHOLDER}</div><p>Derde alinea.</p></div></div>
    <div><p>Voettekst van de site.</p></div></div></body></html>`;

  it("reads the article around its placeholders and markers, and says it is a best effort", () => {
    const result = extract(parse(page(true), URL_OF_PAGE), URL_OF_PAGE);
    if (!result.ok) throw new Error(result.reason);
    expect(result.bestEffort).toBe(true);
    expect(result.article.title).toBe("Een kop die nergens op lijkt");
    expect(result.article.blocks.map((b) => b.type)).toEqual(["paragraph", "figure", "paragraph", "embed", "paragraph"]);
  });

  it("finds the prose of a page with neither placeholder nor marker, each paragraph in a box of its own, past a long notice", () => {
    const notice = "Wij en onze partners gebruiken cookies, pixels en vergelijkbare technieken om de site te laten werken, het gebruik te meten en advertenties te tonen die passen bij jouw interesses, ook buiten deze site.";
    const para = (n: number) => `<div><p>Alinea ${n} van het stuk, met een bijzin, nog een bijzin en genoeg tekst om een alinea te zijn.</p></div>`;
    const html = `<!DOCTYPE html><html lang="nl"><head><title>x</title><meta property="og:type" content="article"></head><body>
      <div><div><h1>Een kop zonder markering</h1><p>De inleiding.</p></div><div>${[1, 2, 3, 4].map(para).join("")}</div></div>
      <div><div><p>${notice}</p></div></div></body></html>`;
    const result = extract(parse(html, URL_OF_PAGE), URL_OF_PAGE);
    if (!result.ok) throw new Error(result.reason);
    expect(result.bestEffort).toBe(true);
    expect(result.article.blocks.map((b) => (b.type === "paragraph" ? b.text : b.type))).toEqual([1, 2, 3, 4].map((n) => `Alinea ${n} van het stuk, met een bijzin, nog een bijzin en genoeg tekst om een alinea te zijn.`));
  });

  it("is no best effort on a known template", () => {
    const result = extract(parse(adPage(`<p>Alinea.</p>`), URL_OF_PAGE), URL_OF_PAGE);
    expect(result.ok && result.bestEffort).toBe(false);
  });
});

describe("a family that finds too little", () => {
  it("reads around the placeholders when the template's body holds a scrap and the article lies beside it", () => {
    const html = `<!DOCTYPE html><html lang="nl"><head><title>x</title><meta property="og:type" content="article"></head><body><main>
      <article id="article-content"><header><h1>Kop van het stuk</h1></header><p>Een los zinnetje.</p></article>
      <div><p>Eerste alinea van het eigenlijke stuk.</p><p>${MARKER}</p><figure><img src="https://images.ad.nl/b.jpg"></figure>
      <p>Tweede alinea.</p><p>Derde alinea.</p></div></main></body></html>`;
    const result = extract(parse(html, URL_OF_PAGE), URL_OF_PAGE);
    if (!result.ok) throw new Error(result.reason);
    expect(result.bestEffort).toBe(true);
    expect(result.article.blocks.filter((b) => b.type === "paragraph").map((b) => b.type === "paragraph" && b.text)).toEqual([
      "Eerste alinea van het eigenlijke stuk.", "Tweede alinea.", "Derde alinea.",
    ]);
  });
});

describe("teasers across DPG titles", () => {
  it("counts links to another DPG title as leading away", () => {
    const list = `<ul><li><a href="https://www.ad.nl/binnenland/een~a1/">Een artikel van AD over iets anders</a></li><li><a href="https://www.tubantia.nl/enschede/twee~a2/">Een artikel van Tubantia</a></li></ul>`;
    const url = "https://www.gelderlander.nl/nijmegen/test~a9/";
    const html = adPage(`<p>Eerste alinea.</p><div><h3>Meer nieuws</h3>${list}</div><p>Daarna.</p>`).replace(URL_OF_PAGE, url);
    const result = extract(parse(html, url), url);
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.blocks).toEqual([{ type: "paragraph", text: "Eerste alinea." }, { type: "paragraph", text: "Daarna." }]);
  });
});
