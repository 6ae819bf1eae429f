import { describe, expect, it } from "vitest";
import { matchKey, normalizeText, stripLabel } from "../../src/core/text";

describe("normalizeText", () => {
  it.each([
    ["plain words stay as they are", "Taliban nemen Kandahar in", "Taliban nemen Kandahar in"],
    ["runs of spaces become one", "Taliban   nemen", "Taliban nemen"],
    ["a lone newline, tab or nbsp becomes a space", "Taliban\nnemen\tKandahar\u00a0in", "Taliban nemen Kandahar in"],
    ["a mixed run becomes one space", "Taliban \u00a0\n\u2003 nemen", "Taliban nemen"],
    ["typographic spaces count as spaces", "10\u202f000\u2009km\u3000weg", "10 000 km weg"],
    ["zero-width characters and soft hyphens go", "Kanda\u00adhar\u200b in\ufeff", "Kandahar in"],
    ["a zero-width character between spaces leaves one space", "a \u200b b", "a b"],
    ["ends are trimmed", " \n Kandahar \u00a0", "Kandahar"],
    ["whitespace alone is empty", " \n\t\u00a0 ", ""],
    ["the page's own quotes stay", ",,Na hevige gevechten”", ",,Na hevige gevechten”"],
  ])("%s", (_, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });
});

describe("matchKey", () => {
  it("keeps lower-case letters and digits only, accents stripped", () => {
    expect(matchKey("Tekst gaat\u00a0verder — onder de FOTO.")).toBe("tekstgaatverderonderdefoto");
    expect(matchKey("Één café, 2 reçus")).toBe("eencafe2recus");
  });
});

describe("stripLabel", () => {
  const CREDIT = ["©", "Bron:", "Bron", "Foto:", "Beeld:", "Beeld"];
  const BYLINE = ["Door", "Par", "Bewerkt door", "auteur"];
  it.each([
    ["© ANP", CREDIT, "ANP"],
    ["©ANP", CREDIT, "ANP"],
    ["Bron: ANP", CREDIT, "ANP"],
    ["bron:ANP", CREDIT, "ANP"],
    ["Bron ANP", CREDIT, "ANP"],
    ["BronANP", CREDIT, "BronANP"],
    ["Beeldbank ANP", CREDIT, "Beeldbank ANP"],
    ["©", CREDIT, "©"],
    ["Door Piet Post", BYLINE, "Piet Post"],
    ["door Piet Post", BYLINE, "Piet Post"],
    ["Bewerkt door Redactie", BYLINE, "Redactie"],
    ["Auteur Jan de Vries", BYLINE, "Jan de Vries"],
    ["Doorn Jansen", BYLINE, "Doorn Jansen"],
    ["Door: Piet", BYLINE, "Door: Piet"],
    ["Door", BYLINE, "Door"],
  ])("%s → %s", (text, labels, expected) => {
    expect(stripLabel(text, labels)).toBe(expected);
  });
});
