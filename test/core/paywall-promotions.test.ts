// @vitest-environment node
/**
 * Issue 17 on small generated pages without classes or data-* hooks (as archived copies and the
 * strip-data transformation have them): the paywall known by what the page says (JSON-LD, ids,
 * the box's words, a subscribe-and-login box), paid text shipped hidden never shown, and the
 * title's own promotions known by their pitch and by where their links lead.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/core/index";
import { extract } from "../../src/core/index";
import { adPage, parse } from "./dom";

const URL_OF_PAGE = "https://www.ad.nl/buitenland/test~a1b2c3d4/";
const SUBSCRIBE = `<a href="https://www.ad.nl/abonnement/">Bekijk abonnementen</a>`;
const LOGIN = `<p>Al abonnee? <a href="https://login.dpgmedia.nl/?client=ad">Log in</a></p>`;

/** The page's article; `head` goes into the page's head (JSON-LD). */
function read(body: string, head = ""): { blocks: Block[]; paywall: boolean } {
  const html = adPage(`<p>Gratis alinea.</p>${body}`).replace("</head>", `${head}</head>`);
  const result = extract(parse(html, URL_OF_PAGE), URL_OF_PAGE);
  if (!result.ok) throw new Error(result.reason);
  return { blocks: result.article.blocks, paywall: result.article.paywall };
}
const texts = (body: string, head = "") => read(body, head).blocks.map((b) => (b.type === "embed" ? b.kind : b.text));
const declaring = (selector: string) =>
  `<script type="application/ld+json">${JSON.stringify({
    "@context": "https://schema.org", "@type": "WebPage", isAccessibleForFree: false,
    hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: selector },
  })}</script>`;

describe("paywall without hooks", () => {
  it("is the part the page's JSON-LD declares paid, when it is an offer", () => {
    const box = `<div id="aanbod"><p>Neem een abonnement en lees alles.</p>${SUBSCRIBE}</div>`;
    expect(read(box, declaring("#aanbod"))).toEqual({ blocks: [{ type: "paragraph", text: "Gratis alinea." }], paywall: true });
  });

  it("is a box named for the paywall by its id, not a wrapper of that name around the article", () => {
    expect(read(`<div id="paywall-box"><p>Neem een abonnement en lees alles.</p>${SUBSCRIBE}</div>`).paywall).toBe(true);
    const prose = "Een alinea van het artikel zelf, lang genoeg om meer dan een aanbod te zijn. ".repeat(10);
    expect(read(`<div id="paywall-wrapper"><p>${prose.trim()}</p><div><p>Neem een abonnement.</p>${SUBSCRIBE}</div></div>`)).toEqual({
      blocks: [{ type: "paragraph", text: "Gratis alinea." }, { type: "paragraph", text: prose.trim() }],
      paywall: false,
    });
  });

  it("is known by the box's heading, in each of its wordings", () => {
    for (const heading of ["Lees verder met AD Premium", "Lees dit artikel verder met een abonnement", "Dit is een artikel voor abonnees", "Lees verder met PZC+"]) {
      expect(read(`<div><h2>${heading}</h2><p>Nu de eerste maand voor € 1.</p></div>`).paywall, heading).toBe(true);
    }
  });

  it("is a box that offers a subscription and a login, whatever its words", () => {
    expect(read(`<div><p>Nog geen abonnee?</p>${SUBSCRIBE}${LOGIN}</div>`)).toEqual({ blocks: [{ type: "paragraph", text: "Gratis alinea." }], paywall: true });
  });

  it("is not read into headings, login links or offers that are article text or a mere promotion", () => {
    expect(read(`<h2>Lees verder met de kaart hieronder</h2><p>De kaart.</p>`).paywall).toBe(false);
    expect(read(`<p>Wie wil reageren, moet <a href="https://login.dpgmedia.nl/">inloggen</a> met een account.</p>`).paywall).toBe(false);
    expect(read(`<div><p>Word nu abonnee</p>${SUBSCRIBE}</div>`).paywall).toBe(false);
  });
});

describe("paid text shipped hidden", () => {
  const paid = `<div class="paywall" hidden><p>Betaalde alinea.</p><h2>Betaalde kop</h2></div>`;
  const box = `<div id="paywall-box"><h2>Dit is een artikel voor abonnees</h2>${SUBSCRIBE}${LOGIN}</div>`;

  it("is never a block: the view lifts no paywall", () => {
    expect(read(`${paid}${box}`, declaring(".paywall"))).toEqual({ blocks: [{ type: "paragraph", text: "Gratis alinea." }], paywall: true });
    expect(texts(`<div style="display: none"><p>Betaalde alinea.</p></div><p>Daarna.</p>`)).toEqual(["Gratis alinea.", "Daarna."]);
  });

  it("is the declared part a style sheet hides, when the page shows its paywall", () => {
    const styled = `<div class="paywall"><p>Betaalde alinea.</p></div>`;
    const sheet = `<style>.paywall{display:none}</style>${declaring(".paywall")}`;
    expect(read(`${styled}${box}`, sheet)).toEqual({ blocks: [{ type: "paragraph", text: "Gratis alinea." }], paywall: true });
    // A page that declares its whole body paid has its free part in it: that part stays.
    const whole = `<!DOCTYPE html><html lang="nl"><head><title>x</title>${declaring(".tekst")}</head><body><main id="main"><article id="article-content">
      <header><h1>Kop</h1></header><section><div class="tekst"><p>Vrije alinea.</p></div>${box}</section></article></main></body></html>`;
    const result = extract(parse(whole, URL_OF_PAGE), URL_OF_PAGE);
    expect(result.ok && result.article.blocks).toEqual([{ type: "paragraph", text: "Vrije alinea." }]);
    // A declaration naming the page's markup itself names no part.
    const paragraphs = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `<p>Alinea ${n}.</p>`).join("");
    expect(texts(`${paragraphs}${box}`, declaring("p"))).toEqual(["Gratis alinea.", ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Alinea ${n}.`)]);
  });

  it("is the declared part even without the box: the page says the reader was not given it", () => {
    expect(read(paid, declaring(".paywall"))).toEqual({ blocks: [{ type: "paragraph", text: "Gratis alinea." }], paywall: true });
  });

  it("is shown where the page shows it: a subscriber's declared paid part, text hidden until found, a carousel's resting slides", () => {
    expect(read(`<div class="paywall"><p>Betaalde alinea.</p></div>`, declaring(".paywall"))).toEqual({
      blocks: [{ type: "paragraph", text: "Gratis alinea." }, { type: "paragraph", text: "Betaalde alinea." }],
      paywall: false,
    });
    expect(texts(`<div hidden="until-found"><p>Uitklapbare alinea.</p></div>`)).toEqual(["Gratis alinea.", "Uitklapbare alinea."]);
    const slide = (n: number, hidden: string) =>
      `<div role="tabpanel" aria-roledescription="slide" aria-label="${n} van 2"${hidden}><img src="https://images.ad.nl/${n}.jpg" alt="" caption="Foto ${n}" credits="ANP"></div>`;
    const carousel = `<div role="group" aria-roledescription="carousel">${slide(1, "")}${slide(2, " hidden")}</div>`;
    expect(read(carousel).blocks.filter((b) => b.type === "figure")).toHaveLength(2);
  });
});

describe("promotions without hooks", () => {
  it("drops a pitch box by its opening words: subscription, app and push temptations", () => {
    const boxes = [
      `<aside><h3>Onbeperkt toegang tot al onze artikelen</h3><p>Word nu abonnee voor maar € 1 per week.</p></aside>`,
      `<div><div>Word abonnee en lees onbeperkt BN DeStem</div></div>`,
      `<aside><div><p><strong>Altijd als eerste op de hoogte?</strong> Download de AD-app en krijg een melding bij groot nieuws.</p><a href="https://www.ad.nl/apps/">Download de app</a></div></aside>`,
      `<aside><aside><div><p><strong>Altijd als eerste weten wat er speelt in Amsterdam?</strong></p><p>Zet pushmeldingen aan en ontvang direct een bericht.</p><button type="button">Meldingen aanzetten</button></div></aside></aside>`,
    ];
    for (const box of boxes) expect(texts(`${box}<p>Daarna.</p>`), box).toEqual(["Gratis alinea.", "Daarna."]);
  });

  it("keeps prose that merely opens with such words", () => {
    const long = `Word nu abonnee voor de bibliotheek, zei de wethouder, ${"en lees wat er over de stad geschreven is, ".repeat(8)}want dat helpt.`;
    const prose = [
      "Altijd als eerste op het ijs: dat is de ambitie van Jan de Vries.",
      "Download de app van de gemeente, zegt de wethouder, dan ziet u waar gewerkt wordt.",
      "Word abonnee van de club en help mee, riep de voorzitter.",
      long,
    ];
    for (const text of prose) expect(texts(`<p>${text}</p>`)).toEqual(["Gratis alinea.", text]);
  });

  it("drops teaser cards whose links wrap their titles, and the list's heading with them", () => {
    const card = (slug: string, title: string) => `<article><a href="https://www.ad.nl/showbizz/${slug}~a1f0${slug.length}/"><img src="https://images.ad.nl/t.jpg" alt=""><h3>${title}</h3></a></article>`;
    const teasers = `<div><h2>Meer showbizz</h2>${card("concert", "Zanger verrast fans met extra concert")}${card("serie", "Actrice over haar nieuwe serie")}</div>`;
    expect(texts(`${teasers}<p>Daarna.</p>`)).toEqual(["Gratis alinea.", "Daarna."]);
    // A link off the publisher's sites around a heading is the article's own.
    expect(texts(`<a href="https://www.rijksoverheid.nl/regels"><h3>De regels</h3></a>`)).toEqual(["Gratis alinea.", "De regels"]);
  });
});

describe("a paywalled page in a layout never seen", () => {
  it("is found where its paragraphs are, also when they are plain divs and no placeholder anchors it", () => {
    const para = (n: number) => `<div><div>Alinea ${n} van het stuk, met genoeg woorden, komma's en zinnen om proza te zijn.</div></div>`;
    const html = `<!DOCTYPE html><html lang="nl"><head><title>x</title><meta property="og:type" content="article"></head><body>
      <div><div><a href="https://login.dpgmedia.nl/">Inloggen</a></div>
      <div><div><h1>Een kop die nergens op lijkt</h1></div><div>${para(1)}${para(2)}${para(3)}
      <div><h2>Dit is een artikel voor abonnees</h2><p>Lees verder met een abonnement op De Morgen. Nu drie maanden voor € 1 per week.</p>${SUBSCRIBE}${LOGIN}</div></div></div>
      <div><p>DPG Media en onze partners gebruiken cookies en vergelijkbare technieken.</p></div></div></body></html>`;
    const result = extract(parse(html, URL_OF_PAGE), URL_OF_PAGE);
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.paywall).toBe(true);
    expect(result.article.blocks.map((b) => (b.type === "embed" ? b.kind : b.text))).toEqual([1, 2, 3].map((n) => `Alinea ${n} van het stuk, met genoeg woorden, komma's en zinnen om proza te zijn.`));
  });
});
