import { describe, expect, it } from "vitest";
import { chooseVoice, speechFor, voicesFor, type SpeechWanted, type VoiceInfo } from "../../src/inject/view/voice-choice";

const voice = (name: string, lang: string, localService = true, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({ name, lang, localService, voiceURI: `uri:${name}`, ...extra });

const XANDER = voice("Xander", "nl-NL");
const ELLEN = voice("Ellen", "nl-BE");
const GOOGLE = voice("Google Nederlands", "nl-NL", false);
const ENGLISH = voice("Samantha", "en-US");
const AMELIE = voice("Amélie", "fr-FR");
const AUDE = voice("Aude", "fr-BE");

const FLEMISH: SpeechWanted = { language: "nl", variety: "nl-be" };
const NETHERLANDS: SpeechWanted = { language: "nl", variety: "nl-nl" };
const dutchVoices = (voices: VoiceInfo[], variety: "nl-BE" | "nl-NL") => voicesFor(voices, variety === "nl-BE" ? FLEMISH : NETHERLANDS);

describe("speechFor: the language and variety the article is read in", () => {
  it("is Flemish on the Belgian Dutch titles and Netherlands Dutch elsewhere", () => {
    expect(speechFor("https://www.hln.be/binnenland/x~a1/", "nl")).toEqual(FLEMISH);
    expect(speechFor("https://www.demorgen.be/nieuws/x~b1/", "nl")).toEqual(FLEMISH);
    expect(speechFor("https://www.humo.be/x~c1/", "nl")).toEqual(FLEMISH);
    expect(speechFor("https://www.ad.nl/x~a1/", "nl")).toEqual(NETHERLANDS);
    expect(speechFor(null, "nl-BE")).toEqual(FLEMISH);
    expect(speechFor(null, "nl")).toEqual(NETHERLANDS);
  });

  it("is French, Belgian French first, on 7sur7 (and French of France for a French article elsewhere)", () => {
    expect(speechFor("https://www.7sur7.be/belgique/x~a5/", "fr")).toEqual({ language: "fr", variety: "fr-be" });
    expect(speechFor(null, "fr-FR")).toEqual({ language: "fr", variety: "fr-fr" });
  });
});

describe("voicesFor on a French article", () => {
  it("offers French voices only, Belgian French first on 7sur7", () => {
    const wanted = speechFor("https://www.7sur7.be/belgique/x~a5/", "fr");
    expect(voicesFor([XANDER, AMELIE, ENGLISH, AUDE, ELLEN], wanted).map((v) => v.name)).toEqual(["Aude", "Amélie"]);
    expect(chooseVoice(voicesFor([XANDER, ELLEN], wanted), null)).toEqual({ kind: "none" });
  });
});

describe("dutchVoices and chooseVoice", () => {
  it("offers Dutch voices only: on the device first, the site's variety first among them", () => {
    expect(dutchVoices([ENGLISH, GOOGLE, XANDER, ELLEN], "nl-BE").map((v) => v.name)).toEqual(["Ellen", "Xander", "Google Nederlands"]);
    expect(dutchVoices([ENGLISH, GOOGLE, ELLEN, XANDER], "nl-NL").map((v) => v.name)).toEqual(["Xander", "Ellen", "Google Nederlands"]);
    expect(dutchVoices([voice("Claire", "nl_nl")], "nl-NL").map((v) => v.name)).toEqual(["Claire"]);
  });

  it("chooses the first voice on the device, never an online one by itself", () => {
    const offered = dutchVoices([GOOGLE, ELLEN], "nl-NL");
    expect(chooseVoice(offered, null)).toEqual({ kind: "voice", voice: ELLEN, online: false });
  });

  it("falls back to any Dutch voice on the device when the site's variety is missing", () => {
    expect(chooseVoice(dutchVoices([XANDER], "nl-BE"), null)).toEqual({ kind: "voice", voice: XANDER, online: false });
  });

  it("asks the reader to pick when only online voices exist, and reads with one once picked, saying it is online", () => {
    const offered = dutchVoices([GOOGLE, ENGLISH], "nl-NL");
    expect(chooseVoice(offered, null)).toEqual({ kind: "online-only" });
    expect(chooseVoice(offered, GOOGLE.voiceURI)).toEqual({ kind: "voice", voice: GOOGLE, online: true });
  });

  it("says there is none without a Dutch voice", () => {
    expect(chooseVoice(dutchVoices([ENGLISH], "nl-NL"), null)).toEqual({ kind: "none" });
    expect(chooseVoice([], "uri:gone")).toEqual({ kind: "none" });
  });
});
