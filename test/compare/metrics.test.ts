import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article";
import { articleText, countJunk, junkList, overlap, scoreTokens, summarize, tokenize } from "../../scripts/lib/metrics";

describe("tokenize", () => {
  it("lower-cases letters and digits of any script and splits on everything else", () => {
    expect(tokenize("De F-16's vlogen 2x; Één zin!")).toEqual(["de", "f", "16", "s", "vlogen", "2x", "één", "zin"]);
    expect(tokenize(",,Na hevige gevechten”, zegt hij — 1.400 mensen")).toEqual(["na", "hevige", "gevechten", "zegt", "hij", "1", "400", "mensen"]);
    expect(tokenize(" © … ")).toEqual([]);
  });
});

describe("overlap", () => {
  it("counts each token as often as it occurs in both", () => {
    expect(overlap(["a", "a", "b"], ["a", "b", "b", "c"])).toBe(2);
    expect(overlap(["a"], [])).toBe(0);
  });
});

describe("scoreTokens", () => {
  it("scores shared tokens against both lengths", () => {
    // expected: de×2 kat zit op mat (6); actual: de×2 kat zit hele dag (6); shared: de×2 kat zit (4)
    const s = scoreTokens("De kat zit op de mat.", "de kat zit de hele dag");
    expect(s.precision).toBeCloseTo(4 / 6);
    expect(s.recall).toBeCloseTo(4 / 6);
    expect(s.f1).toBeCloseTo(4 / 6);
  });

  it("rewards a clean but partial answer with precision, not recall", () => {
    const s = scoreTokens("a b c d", "a b");
    expect(s).toEqual({ precision: 1, recall: 0.5, f1: expect.closeTo(2 / 3, 10) });
  });

  it("gives nothing for an empty answer and full marks when nothing was expected", () => {
    expect(scoreTokens("a b", "")).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoreTokens("", "")).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});

describe("countJunk", () => {
  it("counts junk beyond what the article itself says", () => {
    const actual = "Tekst gaat verder onder de foto. Ik lees een advertentie. Advertentie";
    expect(countJunk(actual, "Ik lees een advertentie.", ["Advertentie", "Tekst gaat verder onder de foto."])).toBe(2);
  });

  it("counts a kept phrase once, not once per sentence, and half a phrase too", () => {
    const junk = junkList(["Helaas kunnen wij dit niet tonen. Aanvaard de cookies om dit te tonen."]);
    expect(junk).toHaveLength(3);
    expect(countJunk("Tekst. Helaas kunnen wij dit niet tonen. Aanvaard de cookies om dit te tonen. Meer.", "", junk)).toBe(1);
    expect(countJunk("Aanvaard de cookies om dit te tonen.", "", junk)).toBe(1);
  });

  it("matches whole words only, across nbsp, line breaks and curly apostrophes", () => {
    expect(countJunk("onderdelen delen", "", ["Delen"])).toBe(1);
    // Reader View's textContent glues blocks together: a phrase still counts, a lone word does not.
    expect(countJunk("Tekst.Onze excusesHelaas kunnen wij", "", ["Onze excuses", "Helaas"])).toBe(1);
    expect(countJunk("Bekijk onze nieuwsvideo’s in\u00a0onderstaande\nplaylist:", "", ["Bekijk onze nieuwsvideo's in onderstaande playlist:"])).toBe(1);
  });
});

describe("articleText", () => {
  it("joins title, intro and block texts, without embed notes", () => {
    const article: Pick<Article, "title" | "intro" | "blocks"> = {
      title: "Kop",
      intro: null,
      blocks: [
        { type: "paragraph", text: "Alinea." },
        { type: "embed", kind: "video", url: null },
        { type: "figure", text: "Foto © ANP", src: null, alt: "", caption: "Foto", credit: "ANP" },
      ],
    };
    expect(articleText(article)).toBe("Kop\nAlinea.\nFoto © ANP");
  });
});

describe("summarize", () => {
  it("gives mean, min and max", () => {
    expect(summarize([1, 0.5, 0.75])).toEqual({ mean: 0.75, min: 0.5, max: 1 });
  });
});
