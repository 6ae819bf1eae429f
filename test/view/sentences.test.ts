import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/inject/view/sentences";

const split = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe("splitSentences: Dutch text into sentences to read aloud", () => {
  it("splits at full stops, question and exclamation marks, keeping each mark with its sentence", () => {
    expect(split("De stad is gevallen. Wat nu? Niemand weet het!  Echt…  Dus.")).toEqual([
      "De stad is gevallen.",
      "Wat nu?",
      "Niemand weet het!",
      "Echt…",
      "Dus.",
    ]);
  });

  it("keeps closing quotes and brackets with the sentence they end, and opens one with a quote or ’s", () => {
    expect(split(",,Na hevige gevechten is de stad van ons.” Dat zegt een functionaris. ‘Het was zwaar.’ ’s Avonds werd het stil.")).toEqual([
      ",,Na hevige gevechten is de stad van ons.”",
      "Dat zegt een functionaris.",
      "‘Het was zwaar.’",
      "’s Avonds werd het stil.",
    ]);
  });

  it("does not split after abbreviations, initials, numbers or a stop before a lower-case word", () => {
    expect(split("Er kwamen o.a. 3.000 mensen, bijv. uit Gent. Dhr. J. de Vries en A.J. Smit waren er ca. 2 uur. Bijv. dit.")).toEqual([
      "Er kwamen o.a. 3.000 mensen, bijv. uit Gent.",
      "Dhr. J. de Vries en A.J. Smit waren er ca. 2 uur.",
      "Bijv. dit.",
    ]);
    expect(split("Zie www.ad.nl voor meer. Dat is het.")).toEqual(["Zie www.ad.nl voor meer.", "Dat is het."]);
    expect(split("Het vertrek is op 12 sep. Daarna niet.")).toHaveLength(1);
  });

  it("ends a sentence at the VS (the United States), which is no abbreviation of versus", () => {
    expect(split("Hij vloog naar de VS. Daar bleef hij.")).toEqual(["Hij vloog naar de VS.", "Daar bleef hij."]);
  });

  it("gives text without a sentence end as one sentence, and nothing for blank text", () => {
    expect(split("  Kandahar  ")).toEqual(["Kandahar"]);
    expect(split("   ")).toEqual([]);
  });
});
