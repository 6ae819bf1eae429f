// @vitest-environment node
/**
 * Issue 17 on small pages built from the July-2026 facts (dpg-markup-notes.md, "Real pages of
 * July 2026"): the header's furniture, the intro without a hook, the end of the body before the
 * end marker, pull quotes, paragraphs split by <br><br>. Every page is given twice: with its
 * hooks, and as an archived copy shows it (no class, no data-*).
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/index";
import { extract } from "../../src/core/index";
import { parse } from "./dom";

/** As archived copies look: every class and data-* attribute gone, except data-* values that are addresses. */
function stripHooks(html: string): string {
  return html.replace(/\s(?:class|data-[\w-]+)="([^"]*)"/g, (whole, value: string) =>
    whole.trimStart().startsWith("data-") && /^https?:\/\//.test(value) ? whole : "");
}

function read(html: string, url: string): Article {
  const result = extract(parse(html, url), url);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

/** The page and its stripped copy read alike. */
function readBoth(html: string, url: string): Article {
  const article = read(html, url);
  expect(read(stripHooks(html), url)).toEqual(article);
  return article;
}

function page(article: string, canonical: string): string {
  return `<!DOCTYPE html><html lang="nl"><head><title>Test</title><link rel="canonical" href="${canonical}">
<meta property="og:type" content="article"></head><body><main id="main"><section><section>
<article id="article-content">${article}</article></section></section>
<section><h2>Lees meer</h2><p>Teaser die niet bij het artikel hoort.</p></section></main></body></html>`;
}

const AD_URL = "https://www.ad.nl/utrecht/nieuwe-tramhalte~a1b2c3d4/";
const AD_HEADER = `<header>
  <div><svg aria-label="Premium artikel" role="img"><title>Premium artikel</title></svg><span data-test-id="label">met video</span></div>
  <h1>Leidsche Rijn krijgt een eigen tramhalte</h1>
  <div><b>De gemeente Utrecht legt in 2028 een tramhalte aan in Leidsche Rijn. Dat besloot de raad donderdagavond.</b></div>
  <div>
    <a href="https://www.ad.nl/auteur/anna-de-vries/"><img alt="Anna de Vries" src="https://images.ad.nl/aW5rQnlsaW5lcy8xMjM/inkBylines/123/face-crop/80/80/anna-de-vries.jpg" width="40" height="40"></a>
    <div>
      <a href="https://www.ad.nl/auteur/anna-de-vries/" aria-label="auteur Anna de Vries">Anna de Vries</a>
      <div>Schrijft over Leidsche Rijn, Vleuten en De Meern</div>
      <time datetime="17 juli 2026, 21:00">17 juli 2026, 21:00</time>
    </div>
    <a href="https://www.google.com/preferences/source?q=ad.nl">Maak ons je Google-favoriet</a>
  </div>
</header>`;
const FOLLOW = `<div><h2>Volg AD Utrechts Nieuwsblad op sociale media</h2><div>
  <a href="https://whatsapp.com/channel/0029VaUtrecht">WhatsApp</a> • <a href="https://www.instagram.com/adutrecht/">Instagram</a> •
  <a href="https://bsky.app/profile/adutrecht.bsky.social">Bluesky</a> • <a href="https://www.facebook.com/adutrecht">Facebook</a> •
  <a href="https://www.threads.net/@adutrecht">Threads</a> • <a href="https://x.com/adutrecht">X.com</a> •
  <a href="https://www.linkedin.com/company/ad-utrechts-nieuwsblad/">LinkedIn</a></div></div>`;
const AD_BODY = `<section>
  <div data-article-element-index="1"><div data-ats-category="paragraph">De halte komt aan de <a href="https://www.utrecht.nl/tram">nieuwe lijn</a> naar <i>Papendorp</i>.</div></div>
  <div data-article-element-index="2"><div>Bewoners vroegen er al jaren om.<br><br>De wethouder is blij met het besluit.</div></div>
  <div data-article-element-index="3"><div><span aria-busy="true" aria-live="polite"><span></span></span></div></div>
  <div data-article-element-index="4"><div><h2>Kosten</h2></div></div>
  <div data-article-element-index="5"><div>De aanleg kost 12 miljoen euro.</div></div>
  ${FOLLOW}
  <div aria-hidden="true" id="article-content-bottom"></div>
  <a aria-label="Deel dit artikel op whatsapp" href="https://api.whatsapp.com/send?text=x">WhatsApp</a>
</section>`;

describe("AD, July 2026: header furniture, end of the body, <br><br>", () => {
  const article = () => readBoth(page(`${AD_HEADER}${AD_BODY}`, AD_URL), AD_URL);

  it("reads the bold block after the h1 as the intro, and the author by name", () => {
    const { intro, byline, title } = article();
    expect(title).toBe("Leidsche Rijn krijgt een eigen tramhalte");
    expect(intro).toBe("De gemeente Utrecht legt in 2028 een tramhalte aan in Leidsche Rijn. Dat besloot de raad donderdagavond.");
    expect(byline).toBe("Anna de Vries");
  });

  it("reads a datetime in Dutch display text as the time in the Netherlands", () => {
    expect(article().published).toBe("2026-07-17T21:00:00+02:00");
  });

  it("keeps nothing of the header, the follow block or the video skeleton, and splits <br><br>", () => {
    expect(article().blocks).toEqual([
      { type: "paragraph", text: "De halte komt aan de nieuwe lijn naar Papendorp." },
      { type: "paragraph", text: "Bewoners vroegen er al jaren om." },
      { type: "paragraph", text: "De wethouder is blij met het besluit." },
      { type: "heading", text: "Kosten", level: 2 },
      { type: "paragraph", text: "De aanleg kost 12 miljoen euro." },
    ]);
  });

  it("does the same when the header is no <header> element", () => {
    const headless = AD_HEADER.replace("<header>", "<div>").replace("</header>", "</div>");
    const got = readBoth(page(`${headless}${AD_BODY}`, AD_URL), AD_URL);
    expect(got.intro).toBe(article().intro);
    expect(got.blocks).toEqual(article().blocks);
  });

  it("never takes an avatar for a figure, also where a figure holds it", () => {
    const header = AD_HEADER.replace(/<a href="[^"]+"><img([^>]+)><\/a>/, "<figure><img$1></figure>");
    expect(readBoth(page(`${header}${AD_BODY}`, AD_URL), AD_URL).blocks[0]).toEqual(article().blocks[0]);
  });
});

const VK_URL = "https://www.volkskrant.nl/binnenland/zwolle-bouwt~b1c2d3e4/";
const lead = (host: string) => `<figure><img alt="null" src="https://image.${host}/1a2b3c/width/640/afbeelding" srcset="https://image.${host}/1a2b3c/width/640/afbeelding 640w, https://image.${host}/1a2b3c/width/1080/afbeelding 1080w">
  <button aria-label="Open deze afbeelding in volledig scherm"></button><figcaption><span>De bouwplaats aan de IJssel.</span><span>Bron</span><cite>Foto Jan Jansen</cite></figcaption></figure>`;
const LEAD_FIGURE = (host: string) => ({
  type: "figure", text: "De bouwplaats aan de IJssel. © Jan Jansen", src: `https://image.${host}/1a2b3c/width/1080/afbeelding`,
  alt: "", caption: "De bouwplaats aan de IJssel.", credit: "Jan Jansen",
});
const vkByline = (host: string, name: string, slug: string) => `<div aria-hidden="true">
    <img alt="${name}" src="https://profileimage.${host}/9f8e/feature-crop/36/36/afbeelding">
    <span>Dit artikel is geschreven door</span>
    <a href="https://www.${host}/auteur/${slug}" aria-label="auteur ${name}">${name}</a>
    <div>is verslaggever van de Volkskrant en schrijft over wonen en ruimtelijke ordening.</div>
  </div>
  <time datetime="2026-07-17T20:00:00.000Z"><span>Gepubliceerd op</span>17 juli 2026, 22:00</time>
  <div>Leestijd 2 min</div>
  <div role="toolbar" aria-label="Bewaar of deel dit artikel"><button>Bewaren</button><button>Delen</button></div>`;
const VK_HEADER = `<header>
  <div aria-label="v-plus. Label: Reportage. Sublabel: Wonen"><span>Reportage</span><span>Wonen</span></div>
  <h1>Zwolle bouwt een wijk op palen</h1>
  <div>Aan de IJssel verrijzen driehonderd woningen die het water kunnen hebben.</div>
  ${lead("volkskrant.nl")}
  ${vkByline("volkskrant.nl", "Petra de Boer", "petra-de-boer")}
</header>`;
const PULL_QUOTE = `<figure><span>Quote van Karin Smit - wethouder van Zwolle.</span>
  <blockquote>‘We moeten leren leven met het water.’</blockquote>
  <figcaption aria-hidden="true">Karin Smit<cite>wethouder van Zwolle</cite></figcaption></figure>`;
const TIP_BOX = `<aside><p>Wilt u belangrijke informatie delen? Mail naar <a href="mailto:tips@volkskrant.nl">tips@volkskrant.nl</a> of kijk op onze <a href="https://www.volkskrant.nl/tips">tippagina</a>.</p></aside>`;
const NEWSLETTER = `<div title="Aanmelden voor nieuwsbrief"><iframe title="Aanmelden voor nieuwsbrief" src="https://www.volkskrant.nl/nieuwsbrieven/embed/ochtend"></iframe></div>`;
const VK_BODY = `<section>
  <div><div>Het water komt. Daar rekent Zwolle op.</div><div aria-hidden="true" id="article_paragraph_1"><span>Advertentie</span></div></div>
  <div>${PULL_QUOTE}</div>
  <div><div>De palen gaan twintig meter diep.</div></div>
  <div>${TIP_BOX}</div>
  <div>${NEWSLETTER}</div>
  <div aria-hidden="true" id="article-content-bottom"></div>
</section>`;

describe("Volkskrant, July 2026: header, pull quote, tip box, newsletter", () => {
  const article = () => readBoth(page(`${VK_HEADER}${VK_BODY}`, VK_URL), VK_URL);

  it("reads the plain div after the h1 as the intro, the author and the ISO date", () => {
    const { intro, byline, published } = article();
    expect(intro).toBe("Aan de IJssel verrijzen driehonderd woningen die het water kunnen hebben.");
    expect(byline).toBe("Petra de Boer");
    expect(published).toBe("2026-07-17T20:00:00.000Z");
  });

  it("gives the lead photo, the quote once with its speaker, and no tip box or newsletter", () => {
    expect(article().blocks).toEqual([
      LEAD_FIGURE("volkskrant.nl"),
      { type: "paragraph", text: "Het water komt. Daar rekent Zwolle op." },
      { type: "quote", text: "‘We moeten leren leven met het water.’", cite: "Karin Smit, wethouder van Zwolle" },
      { type: "paragraph", text: "De palen gaan twintig meter diep." },
    ]);
  });

  it("names the speaker once when the quote's caption is all there is", () => {
    const plain = `<figure><blockquote><p>‘Dit is het begin.’</p></blockquote><figcaption>Karin Smit</figcaption></figure>`;
    const blocks = readBoth(page(`${VK_HEADER}<section><div>Eerst.</div>${plain}</section>`, VK_URL), VK_URL).blocks;
    expect(blocks.slice(2)).toEqual([{ type: "quote", text: "‘Dit is het begin.’", cite: "Karin Smit" }]);
  });
});

const TROUW_URL = "https://www.trouw.nl/duurzaamheid/wandelbroeders~c1d2e3f4/";
describe("Trouw, July 2026: lead figure before the label, intro as a plain div", () => {
  const header = `<header>${lead("trouw.nl")}
    <div aria-label="Label: Reportage. Sublabel: Wandelbroeders"><span>Reportage</span><span>Wandelbroeders</span></div>
    <h1>Twee broers lopen het Pieterpad</h1>
    <div>Ze zijn zeventig en tachtig, en ze lopen elk jaar een stuk.</div>
    ${vkByline("trouw.nl", "Joris van Dam", "joris-van-dam").replace("is verslaggever van de Volkskrant en schrijft over wonen en ruimtelijke ordening.", "correspondent Oost-Nederland")}
  </header>`;
  const body = `<section><div><div>De eerste etappe begint in Pieterburen.</div></div><div aria-hidden="true" id="article-content-bottom"></div></section>`;

  it("reads intro, byline and blocks without any of the byline's lines", () => {
    const article = readBoth(page(`${header}${body}`, TROUW_URL), TROUW_URL);
    expect(article.intro).toBe("Ze zijn zeventig en tachtig, en ze lopen elk jaar een stuk.");
    expect(article.byline).toBe("Joris van Dam");
    expect(article.blocks).toEqual([LEAD_FIGURE("trouw.nl"), { type: "paragraph", text: "De eerste etappe begint in Pieterburen." }]);
  });
});
