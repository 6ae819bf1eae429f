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
import { displayDateToIso } from "../../src/core/dates";
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

describe("dates in display text", () => {
  it("reads Dutch and French display dates with the offset of that day in the Netherlands and Belgium", () => {
    expect(displayDateToIso("17 juli 2026, 21:00")).toBe("2026-07-17T21:00:00+02:00");
    expect(displayDateToIso("3 dec. 2026, 08:05")).toBe("2026-12-03T08:05:00+01:00");
    expect(displayDateToIso("14 november 2026 16u42")).toBe("2026-11-14T16:42:00+01:00");
    expect(displayDateToIso("28 maart 2026, 12:00")).toBe("2026-03-28T12:00:00+01:00");
    expect(displayDateToIso("29 maart 2026, 12:00")).toBe("2026-03-29T12:00:00+02:00");
    expect(displayDateToIso("1er juillet 2026, 09h30")).toBe("2026-07-01T09:30:00+02:00");
    expect(displayDateToIso("17 juli 2026")).toBe("2026-07-17");
    expect(displayDateToIso("gisteren")).toBeNull();
    expect(displayDateToIso("32 juli 2026")).toBeNull();
  });

  it("falls back to JSON-LD when the datetime is neither ISO nor a date", () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-07-17T19:00:00Z"}</script>`;
    const html = page(`<header><h1>Kop</h1><time datetime="vandaag">vandaag</time></header><section><div>Tekst.</div></section>`, AD_URL).replace("</head>", `${ld}</head>`);
    expect(read(html, AD_URL).published).toBe("2026-07-17T19:00:00Z");
  });
});

describe("promotions whose hooks are gone", () => {
  const body = (inner: string) => readBoth(page(`<header><h1>Kop</h1></header><section><div>Eerst.</div>${inner}<div>Daarna.</div></section>`, AD_URL), AD_URL).blocks;

  it("drops app, push and subscription pitches by their words, with the title above one", () => {
    const app = `<aside><div><p><strong>Altijd als eerste op de hoogte?</strong> Download de AD-app en krijg een melding bij groot nieuws.</p><a href="https://www.ad.nl/apps/">Download de app</a></div></aside>`;
    const push = `<aside><p><strong>Altijd als eerste weten wat er speelt in Amsterdam?</strong></p><p>Zet pushmeldingen aan en ontvang direct een bericht.</p><button>Meldingen aanzetten</button></aside>`;
    const subscribe = `<div><div>Word abonnee en lees onbeperkt BN DeStem</div></div>`;
    const titled = `<aside><h3>Onbeperkt toegang tot al onze artikelen</h3><p>Word nu abonnee voor maar € 1 per week.</p></aside>`;
    expect(body(`${app}${push}${subscribe}${titled}`)).toEqual([{ type: "paragraph", text: "Eerst." }, { type: "paragraph", text: "Daarna." }]);
  });

  it("drops a row of teaser cards (a link around picture and headline) with its title", () => {
    const card = (n: number) => `<article><a href="https://www.ad.nl/utrecht/ander-${n}~a${n}/"><img src="https://images.ad.nl/t${n}.jpg" alt=""><h3>Ander artikel ${n} over de stad</h3></a></article>`;
    expect(body(`<div><h2>Meer Utrecht</h2>${card(1)}${card(2)}</div>`)).toEqual([{ type: "paragraph", text: "Eerst." }, { type: "paragraph", text: "Daarna." }]);
  });

  it("knows the paywall by its heading, also when it names a premium product", () => {
    const wall = `<div><aside><p>Dit is een premium artikel</p><h2>Lees verder met AD Premium</h2><a href="https://www.ad.nl/abonnement/">Probeer 1 maand</a></aside></div>`;
    const article = readBoth(page(`<header><h1>Kop</h1></header><section><div>Eerst.</div>${wall}</section>`, AD_URL), AD_URL);
    expect(article.paywall).toBe(true);
  });

  it("drops a tip box known only by its tips address, and a newsletter box around a titled frame", () => {
    const tip = `<aside><p>Weet u meer? Mail <a href="mailto:tips@ad.nl">tips@ad.nl</a>.</p></aside>`;
    const newsletter = `<div><h3>De ochtend</h3><p>Elke ochtend het nieuws.</p><div title="Aanmelden voor nieuwsbrief"><iframe title="Aanmelden voor nieuwsbrief" src="https://www.ad.nl/nieuwsbrief/embed"></iframe></div></div>`;
    expect(body(`${tip}${newsletter}`)).toEqual([{ type: "paragraph", text: "Eerst." }, { type: "paragraph", text: "Daarna." }]);
  });

  it("keeps a sentence that links to a social profile", () => {
    const prose = `<div>De burgemeester schreef op <a href="https://www.instagram.com/burgemeester/">Instagram</a> dat ze trots is op de stad en haar inwoners.</div>`;
    expect(body(prose)[1]).toEqual({ type: "paragraph", text: "De burgemeester schreef op Instagram dat ze trots is op de stad en haar inwoners." });
  });
});

describe("a headline inside the body", () => {
  it("drops the labels before it", () => {
    const html = page(`<div><div><span>met video</span></div><div><h1>Kop zonder header</h1></div><div>Eerste alinea van het stuk, lang genoeg om tekst te zijn.</div></div>`, AD_URL);
    expect(readBoth(html, AD_URL).blocks).toEqual([{ type: "paragraph", text: "Eerste alinea van het stuk, lang genoeg om tekst te zijn." }]);
  });
});

describe("paywalls", () => {
  const ld = (selector: string) =>
    `<script type="application/ld+json">{"@type":"WebPage","isAccessibleForFree":false,"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":"${selector}"}}</script>`;
  const article = (body: string, head = "") =>
    readBoth(page(`<header><h1>Kop</h1></header><section><div>Vrij deel.</div>${body}</section>`, VK_URL).replace("</head>", `${head}</head>`), VK_URL);

  it("never shows paid text the page ships hidden, and knows the paywall by its JSON-LD part", () => {
    const hidden = `<div class="paywall" hidden><div>Betaald deel.</div><h2>Betaalde kop</h2></div>`;
    const box = `<div id="paywall-box"><h2>Dit is een artikel voor abonnees</h2><p>Lees verder met een abonnement op De Morgen.</p></div>`;
    expect(article(`${hidden}${box}`, ld(".paywall"))).toMatchObject({ paywall: true, blocks: [{ type: "paragraph", text: "Vrij deel." }] });
    expect(article(`<div style="display: none">Betaald deel.</div><div>Nog vrij.</div>`).blocks).toEqual([
      { type: "paragraph", text: "Vrij deel." }, { type: "paragraph", text: "Nog vrij." },
    ]);
  });

  it("ends the free part at the box's heading when no hook is left", () => {
    const box = `<div><div><h2>Lees dit artikel verder met een abonnement</h2><p>Word abonnee en lees onbeperkt alle artikelen. Nu de eerste maand voor € 1.</p><ul><li>Onbeperkt toegang</li><li>De digitale krant</li></ul><p>Al abonnee? <a href="https://login.dpgmedia.nl/">Log in</a></p></div></div>`;
    expect(article(box)).toMatchObject({ paywall: true, blocks: [{ type: "paragraph", text: "Vrij deel." }] });
  });

  it("takes a box named by JSON-LD away, with a selector the engine refuses naming nothing", () => {
    // A box that sells: a declared part that sells nothing is a subscriber's text (paywall-promotions.test.ts).
    const box = `<div id="article-paywall"><p>Word lid van onze club</p><a href="https://www.ad.nl/abonnement/">Bekijk abonnementen</a></div>`;
    expect(article(box, ld("#article-paywall"))).toMatchObject({ paywall: true, blocks: [{ type: "paragraph", text: "Vrij deel." }] });
    expect(article(`<div>Nog vrij.</div>`, ld("#[broken"))).toMatchObject({ paywall: false });
  });
});

describe("more header and quote shapes", () => {
  it("reads the intro from a box that also holds the byline, and a dateline without datetime", () => {
    const header = `<header><h1>Kop</h1><div><div>De stad krijgt er een park bij, en dat werd tijd volgens de buurt.</div>
      <div><a href="https://www.ad.nl/auteur/jan/" aria-label="auteur Jan Smit">Jan Smit</a><time>Gepubliceerd op 3 december 2026, 08:15</time></div></div></header>`;
    const article = readBoth(page(`${header}<section><div>Tekst.</div></section>`, AD_URL), AD_URL);
    expect(article).toMatchObject({ intro: "De stad krijgt er een park bij, en dat werd tijd volgens de buurt.", byline: "Jan Smit", published: "2026-12-03T08:15:00+01:00" });
  });

  it("takes no initials or 'Door' from a byline box for an intro", () => {
    const header = `<header><h1>Kop</h1><div><span>MVDB</span> / <time datetime="2020-08-03T14:08:00+02:00">3 augustus 2020</time></div></header>`;
    expect(readBoth(page(`${header}<section><div>Tekst.</div></section>`, AD_URL), AD_URL).intro).toBeNull();
  });

  it("names a speaker given with a dash once, and drops a hidden repeat of the quote", () => {
    const quote = `<figure><blockquote>‘Het kan echt.’</blockquote><figcaption>— Karin Smit</figcaption></figure><blockquote aria-hidden="true">‘Het kan echt.’</blockquote>`;
    expect(readBoth(page(`<header><h1>Kop</h1></header><section><div>Eerst.</div>${quote}</section>`, VK_URL), VK_URL).blocks).toEqual([
      { type: "paragraph", text: "Eerst." }, { type: "quote", text: "‘Het kan echt.’", cite: "Karin Smit" },
    ]);
  });
});
