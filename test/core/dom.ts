import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";

/** A page as the content script would see it (scripts not run, nothing loaded). */
export function parse(html: string, url = "https://www.ad.nl/buitenland/test~a1b2c3d4/"): Document {
  return new JSDOM(html, { url }).window.document;
}

export const FIXTURES = join(process.cwd(), "test", "fixtures");
export const fixturePath = (name: string) => join(FIXTURES, name);
export const readFixture = (name: string) => readFileSync(fixturePath(name), "utf8");

/** A current-template AD page around the given body HTML. */
export function adPage(body: string, header = ""): string {
  return `<!DOCTYPE html><html lang="nl"><head><title>Test | AD.nl</title>
<link rel="canonical" href="https://www.ad.nl/buitenland/test~a1b2c3d4/"></head><body>
<main id="main"><section><section><article id="article-content">
<header><h1>Kop van het artikel</h1><p data-test-id="header-intro">De intro.</p>${header}</header>
<section>${body}<div aria-hidden="true" id="article-content-bottom"></div></section>
<section><h2>Meer nieuws</h2><p>Teaser die niet bij het artikel hoort.</p></section>
</article></section></section></main></body></html>`;
}

export const PLACEHOLDER =
  "<p>Onze excuses</p><p>Helaas kunnen wij deze social post, liveblog of anders niet tonen omdat het één of meerdere social media-elementen bevat. Aanvaard de social media-cookies om deze inhoud alsnog te tonen.</p>";
export const MARKER = "Tekst gaat verder onder de foto.";
