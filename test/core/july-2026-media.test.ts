// @vitest-environment node
/**
 * Issue 17, items 5, 7 and 9, on small pages built from the facts of the real July-2026 pages
 * (../shared/dpg-markup-notes.md): photo series without their hooks, hidden slides included;
 * images without a <figure> and the caption line under them; blocked players of every platform.
 * The pages carry no classes and no data-*, as the archived copies of those pages did.
 */
import { describe, expect, it } from "vitest";
import type { Block, FigureBlock } from "../../src/core/article";
import { extract } from "../../src/core/index";
import { MARKER, PLACEHOLDER, adPage, parse } from "./dom";

const AD_URL = "https://www.ad.nl/utrecht/test~a1b2c3d4/";
const TROUW_URL = "https://www.trouw.nl/binnenland/test~b1c2d3e4/";

function read(html: string, url: string) {
  const result = extract(parse(html, url), url);
  if (!result.ok) throw new Error(result.reason);
  return result;
}
const blocksOf = (html: string, url = AD_URL): Block[] => read(html, url).article.blocks;
const bodyBlocks = (body: string, url = AD_URL) => blocksOf(adPage(`<div>Eerste alinea.</div>${body}`), url).slice(1);
const figures = (blocks: Block[]) => blocks.filter((b): b is FigureBlock => b.type === "figure");
const photo = (n: number) => `https://image.trouw.nl/24731${n}/width/640/afbeelding`;

/** A Trouw/Volkskrant carousel as the July copies show it: no roledescription, hidden slides, tablist. */
function carousel(slides: string[], after = ""): string {
  const slide = (inner: string, i: number) =>
    `<div aria-hidden="${i === 0 ? "false" : "true"}"><img src="${photo(i + 1)}" alt="">` +
    `<span role="button">Open deze afbeelding in volledig scherm</span>${inner}</div>`;
  return `<div><div><div>${slides.map(slide).join("")}</div></div>
    <button aria-label="Vorige slide"></button><button aria-label="Volgende slide"></button>
    <div role="tablist" aria-label="Slides">${slides.map((_, i) => `<div role="tab">Slide ${i + 1}${i ? "" : " (actief)"}</div>`).join("")}</div>${after}</div>`;
}
const caption = (text: string, credit: string) => `<div><span>${text}</span> <span>Bron</span> <cite>${credit}</cite></div>`;

describe("photo series without their hooks", () => {
  it("gives every slide's photo, the hidden ones too, each with its own caption, and no slide controls", () => {
    const blocks = bodyBlocks(
      carousel([caption("De kerk van Kampen.", "Foto Jan de Vries"), caption("Het orgel.", "Foto’s Anna Smit"), caption("De toren bij nacht.", "Foto Jan de Vries")]) +
        "<div>Daarna gaat het verhaal verder.</div>",
      TROUW_URL,
    );
    expect(blocks).toEqual([
      { type: "figure", text: "De kerk van Kampen. © Jan de Vries", src: photo(1), alt: "", caption: "De kerk van Kampen.", credit: "Jan de Vries" },
      { type: "figure", text: "Het orgel. © Anna Smit", src: photo(2), alt: "", caption: "Het orgel.", credit: "Anna Smit" },
      { type: "figure", text: "De toren bij nacht. © Jan de Vries", src: photo(3), alt: "", caption: "De toren bij nacht.", credit: "Jan de Vries" },
      { type: "paragraph", text: "Daarna gaat het verhaal verder." },
    ]);
  });

  it("puts a caption printed once after the tablist with the photo it is printed under", () => {
    const blocks = bodyBlocks(carousel(["", ""], caption("Boeren op het land bij Zwolle.", "Foto’s Piet Bakker")), TROUW_URL);
    expect(blocks).toEqual([
      { type: "figure", text: "", src: photo(1), alt: "", caption: null, credit: null },
      { type: "figure", text: "Boeren op het land bij Zwolle. © Piet Bakker", src: photo(2), alt: "", caption: "Boeren op het land bij Zwolle.", credit: "Piet Bakker" },
    ]);
  });

  it("pairs captions shown one at a time beside the slides with their slides", () => {
    const slides = [1, 2].map((n) => `<div aria-hidden="${n > 1}"><img src="${photo(n)}"></div>`).join("");
    const captions = [caption("De start in Pieterburen.", "Foto Jan de Vries"), caption("De finish op de Sint-Pietersberg.", "Foto Anna Smit")]
      .map((c, i) => `<div aria-hidden="${i > 0}">${c}</div>`).join("");
    const html = `<div><div>${slides}</div><button aria-label="Vorige slide"></button><button aria-label="Volgende slide"></button>${captions}</div>`;
    expect(figures(bodyBlocks(html, TROUW_URL)).map((f) => [f.src, f.caption, f.credit])).toEqual([
      [photo(1), "De start in Pieterburen.", "Jan de Vries"],
      [photo(2), "De finish op de Sint-Pietersberg.", "Anna Smit"],
    ]);
  });

  it("keeps hidden slides in a series known only by its roledescription", () => {
    const slides = [1, 2, 3].map((n) => `<div aria-hidden="${n > 1}"><img src="${photo(n)}"></div>`).join("");
    const html = `<div role="group" aria-roledescription="carousel">${slides}<span>1/3</span></div>`;
    expect(figures(bodyBlocks(html, TROUW_URL)).map((f) => f.src)).toEqual([photo(1), photo(2), photo(3)]);
  });

  it("never reads slide controls as text, also where no photo of the series is left", () => {
    const controls = `<div><div role="tablist" aria-label="Slides"><span role="tab">Slide 1 (actief)</span><span role="tab">Slide 2</span></div>
      <span role="button" aria-label="Vorige slide">Vorige slide</span></div>`;
    expect(bodyBlocks(`${controls}<div>Daarna.</div>`, TROUW_URL)).toEqual([{ type: "paragraph", text: "Daarna." }]);
  });

  it("gives a credit printed under the second of two photos to that photo only", () => {
    const blocks = bodyBlocks(
      `<figure><img src="${photo(1)}"></figure><figure><img src="${photo(2)}"><figcaption><span>Bron</span><cite>Foto’s Eva Jansen</cite></figcaption></figure>`,
      TROUW_URL,
    );
    expect(blocks.map((b) => b.type === "figure" && [b.src, b.credit])).toEqual([
      [photo(1), null],
      [photo(2), "Eva Jansen"],
    ]);
  });
});

describe("an image without <figure>", () => {
  const IMG = "https://images.ad.nl/ZGlvLzEyMzQ1Ni9maXQtd2lkdGgvNjI4/de-brandweer";

  it("after a photo marker, with its caption and credit line under it, is a figure", () => {
    const blocks = bodyBlocks(`<div>${MARKER}</div><div><picture><img src="${IMG}" alt="Brandweer"></picture></div>
      <div><span>De brandweer bij het pand aan de Oudegracht.</span> <span>© ANP</span></div><div>Daarna.</div>`);
    expect(blocks).toEqual([
      { type: "figure", text: "De brandweer bij het pand aan de Oudegracht. © ANP", src: IMG, alt: "Brandweer", caption: "De brandweer bij het pand aan de Oudegracht.", credit: "ANP" },
      { type: "paragraph", text: "Daarna." },
    ]);
  });

  it("holding its caption in the same box is a figure", () => {
    const blocks = bodyBlocks(`<div><img src="${IMG}"><div>Volledig scherm De Dom bij avond. © Marc Visser</div></div><div>Daarna.</div>`);
    expect(blocks[0]).toEqual({ type: "figure", text: "De Dom bij avond. © Marc Visser", src: IMG, alt: "", caption: "De Dom bij avond.", credit: "Marc Visser" });
    expect(blocks[1]).toEqual({ type: "paragraph", text: "Daarna." });
  });

  it("is a figure in a layout no family knows, its caption line not a paragraph", () => {
    const html = `<!DOCTYPE html><html lang="nl"><head><title>x</title><meta property="og:type" content="article"></head><body>
      <div><div><h1>Een kop die nergens op lijkt</h1></div>
      <div><p>Eerste alinea van het stuk, met genoeg tekst om het lichaam van het artikel te zijn.</p><p>${MARKER}</p>
      <div><img src="${IMG}" alt=""></div><p>De Oudegracht bij laagwater. Foto: Jan Bos</p>
      <p>Tweede alinea van het stuk, ook met genoeg tekst.</p><div>${PLACEHOLDER}</div><p>Derde alinea.</p></div></div></body></html>`;
    const result = read(html, AD_URL);
    expect(result.bestEffort).toBe(true);
    expect(result.article.blocks.map((b) => b.type)).toEqual(["paragraph", "figure", "paragraph", "embed", "paragraph"]);
    expect(result.article.blocks[1]).toEqual({ type: "figure", text: "De Oudegracht bij laagwater. © Jan Bos", src: IMG, alt: "", caption: "De Oudegracht bij laagwater.", credit: "Jan Bos" });
  });

  it("takes a line the page marks as a caption, also without a credit", () => {
    expect(bodyBlocks(`<div><img src="${IMG}"></div><p class="img-caption">De Dom bij avond.</p><div>Daarna.</div>`)[0]).toMatchObject({
      type: "figure", src: IMG, caption: "De Dom bij avond.", credit: null,
    });
    expect(bodyBlocks(`<div><img src="${IMG}"></div><figcaption>De Dom bij avond.</figcaption><div>Daarna.</div>`)[0]).toMatchObject({ caption: "De Dom bij avond." });
  });

  it("keeps a paragraph under a bare image that is no caption", () => {
    const text = "De gemeente wil het pand nog dit jaar laten slopen, zegt een woordvoerder. Omwonenden zijn daar blij mee.";
    const blocks = bodyBlocks(`<div><img src="${IMG}"></div><div>${text}</div>`);
    expect(blocks).toEqual([
      { type: "figure", text: "", src: IMG, alt: "", caption: null, credit: null },
      { type: "paragraph", text },
    ]);
  });

  it("never makes a figure of an image off DPG's hosts, an avatar or a pixel", () => {
    const blocks = bodyBlocks(`<div><img src="https://tracker.example.com/photo.jpg"></div>
      <div><img src="http://images.ad.nl/plain-http.jpg"></div>
      <div><a href="https://www.ad.nl/auteur/jan-jansen~p1/"><img src="https://images.ad.nl/inkBylines/face-crop/80/80/jan" alt="Jan Jansen"></a></div>
      <div><img src="https://image.trouw.nl/profileimage.trouw.nl/1/feature-crop/36/36/jan" alt="Jan Jansen"></div>
      <div><img src="https://images.ad.nl/p.gif" width="1" height="1"></div>
      <div><a href="https://www.ad.nl/utrecht/ander-artikel~a9/"><div><img src="${IMG}"></div></a></div><div>Daarna.</div>`);
    expect(blocks).toEqual([{ type: "paragraph", text: "Daarna." }]);
  });
});

describe("blocked players of every platform", () => {
  const embedWith = (companion: string) => bodyBlocks(`<div><div>${PLACEHOLDER}</div>${companion}</div>`)[0];
  const cases: [string, string, string | null][] = [
    ["https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk?utm_source=generator&theme=0", "spotify", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk"],
    ["https://open.spotify.com/embed/show/2MAi0BvDc6GTFvKFPXnkCL", "spotify", "https://open.spotify.com/show/2MAi0BvDc6GTFvKFPXnkCL"],
    ["https://datawrapper.dwcdn.net/Xk3pQ/4/", "datawrapper", "https://datawrapper.dwcdn.net/Xk3pQ/"],
    ["https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnos-op3%2Fde-dag&color=%23ff5500", "soundcloud", "https://soundcloud.com/nos-op3/de-dag"],
    ["https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/1234567890&auto_play=false", "soundcloud", null],
    ["https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0", "vimeo", "https://vimeo.com/76979871"],
    ["https://www.tiktok.com/embed/v2/7212345678901234567?lang=nl", "tiktok", "https://www.tiktok.com/@/video/7212345678901234567"],
    ["https://omny.fm/shows/de-dag/aflevering-412-de-hitte/embed?style=cover", "omny", "https://omny.fm/shows/de-dag/aflevering-412-de-hitte"],
    ["https://embed.podcasts.apple.com/nl/podcast/de-dag/id1234567890?i=1000654321&theme=auto", "podcast", "https://podcasts.apple.com/nl/podcast/de-dag/id1234567890?i=1000654321"],
    ["https://podimo.com/nl/shows/de-dag-podcast", "podcast", "https://podimo.com/nl/shows/de-dag-podcast"],
  ];

  it.each(cases)("links %s to its public page", (address, kind, url) => {
    expect(embedWith(`<div old-src="${address}"></div>`)).toEqual({ type: "embed", kind, url });
    expect(embedWith(`<iframe data-src="${address}"></iframe>`)).toEqual({ type: "embed", kind, url });
  });

  it("prefers an episode player to a podcast app's show link beside it", () => {
    const apple = `<a href="https://podcasts.apple.com/be/podcast/kempenkind/id1712345678">Apple Podcasts</a>`;
    expect(embedWith(`${apple}<a href="https://omny.fm/shows/kempenkind/aflevering-1/embed">Omny</a>`)).toEqual({
      type: "embed", kind: "omny", url: "https://omny.fm/shows/kempenkind/aflevering-1",
    });
    expect(embedWith(apple)).toEqual({ type: "embed", kind: "podcast", url: "https://podcasts.apple.com/be/podcast/kempenkind/id1712345678" });
  });

  it("accounts for a removed player that has no placeholder beside it", () => {
    expect(bodyBlocks(`<div><div old-src="https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"></div></div><div>Daarna.</div>`)).toEqual([
      { type: "embed", kind: "spotify", url: "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk" },
      { type: "paragraph", text: "Daarna." },
    ]);
  });

  it("names the platform the page names where no address survives", () => {
    expect(embedWith(`<span>Spotify</span>`)).toEqual({ type: "embed", kind: "spotify", url: null });
    expect(bodyBlocks(`<div title="Datawrapper-grafiek: de hitte per provincie"><div>${PLACEHOLDER}</div></div>`)[0]).toEqual({ type: "embed", kind: "datawrapper", url: null });
    expect(embedWith(`<span>Luister de aflevering op SoundCloud</span>`)).toEqual({ type: "embed", kind: "soundcloud", url: null });
    expect(embedWith("")).toEqual({ type: "embed", kind: "unknown", url: null });
  });
});
