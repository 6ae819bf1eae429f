import { describe, expect, it } from "vitest";
import { chooseVoice, dutchVoices, varietyFor, type VoiceInfo } from "../../src/inject/view/voice-choice";

const voice = (name: string, lang: string, localService = true, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({ name, lang, localService, voiceURI: `uri:${name}`, ...extra });

const XANDER = voice("Xander", "nl-NL");
const ELLEN = voice("Ellen", "nl-BE");
const GOOGLE = voice("Google Nederlands", "nl-NL", false);
const ENGLISH = voice("Samantha", "en-US");

describe("varietyFor: the Dutch the site speaks", () => {
  it("is Flemish on the Belgian titles and Netherlands Dutch elsewhere", () => {
    expect(varietyFor("https://www.hln.be/binnenland/x~a1/", "nl")).toBe("nl-BE");
    expect(varietyFor("https://www.demorgen.be/nieuws/x~b1/", "nl")).toBe("nl-BE");
    expect(varietyFor("https://www.humo.be/x~c1/", "nl")).toBe("nl-BE");
    expect(varietyFor("https://www.ad.nl/x~a1/", "nl")).toBe("nl-NL");
    expect(varietyFor(null, "nl-BE")).toBe("nl-BE");
    expect(varietyFor(null, "nl")).toBe("nl-NL");
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
