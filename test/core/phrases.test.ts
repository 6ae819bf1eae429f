// @vitest-environment node
import { describe, expect, it } from "vitest";
import { findPhrases } from "../../src/core/phrases";
import { MARKER, parse } from "./dom";

const hitsIn = (body: string) => findPhrases(parse(`<!DOCTYPE html><html><body>${body}</body></html>`).body);
const ids = (els: Element[]) => els.map((el) => el.id);

describe("findPhrases", () => {
  it("counts exact and loose copies close together once each", () => {
    // One search window holds all three: the loose one sends it to the loose search, which must not count the exact ones twice.
    const hits = hitsIn(`<p id="a">${MARKER}</p><p id="b">tekst gaat  verder onder de FOTO</p><p id="c">${MARKER}</p>`);
    expect(ids(hits.photoMarker)).toEqual(["a", "b", "c"]);
  });

  it("counts exact copies that stand apart, and a loose one among them", () => {
    const filler = "<p>Een alinea zonder iets bijzonders, lang genoeg om de zoekvensters te scheiden.</p>".repeat(8);
    const hits = hitsIn(`<p id="a">${MARKER}</p>${filler}<p id="b">Tekst gaat verder onder de foto</p>${filler}<p id="c">${MARKER}</p>`);
    expect(ids(hits.photoMarker)).toEqual(["a", "b", "c"]);
  });

  it("names the innermost element holding all of an exact copy split over elements", () => {
    const hits = hitsIn(`<div id="outer"><p id="p">Tekst <i>gaat</i> verder onder de foto.</p></div>`);
    expect(ids(hits.photoMarker)).toEqual(["p"]);
  });

  it("names the element holding the words when only the full stop lies outside it", () => {
    // The key is letters and digits: the same element whichever way the copy is found.
    const exact = hitsIn(`<p id="p"><span id="s">Tekst gaat verder onder de foto</span>.</p>`);
    const loose = hitsIn(`<p id="p"><span id="s">Tekst gaat verder onder de FOTO</span>.</p>`);
    expect(ids(exact.photoMarker)).toEqual(["s"]);
    expect(ids(loose.photoMarker)).toEqual(["s"]);
  });
});
