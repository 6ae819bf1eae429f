/**
 * Which voice reads the article aloud. Dutch voices only, the site's own variety first (Flemish
 * on the Belgian titles, Netherlands Dutch elsewhere), then any Dutch voice. Voices on the
 * device come first and only they are chosen by themselves: an online voice (`localService`
 * false) sends the text to its vendor, so it reads only once the reader picks it.
 */

/** The part of a SpeechSynthesisVoice this choice looks at (tests build plain objects). */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
  voiceURI: string;
  default?: boolean;
}

export type DutchVariety = "nl-NL" | "nl-BE";

/** Flemish for the Belgian titles (hln.be, demorgen.be, humo.be), else Netherlands Dutch. */
export function varietyFor(articleUrl: string | null, lang: string): DutchVariety {
  let host = "";
  try {
    host = new URL(articleUrl ?? "").hostname;
  } catch {
    // No address: the language tag alone decides.
  }
  return host.endsWith(".be") || /^nl[-_]be$/i.test(lang) ? "nl-BE" : "nl-NL";
}

const tag = (lang: string) => lang.replace(/_/g, "-").toLowerCase();
const isDutch = (voice: VoiceInfo) => /^nl(-|$)/.test(tag(voice.lang));

/** The Dutch voices in the order the reader is offered them: on the device first, then the site's variety, the system's default, by name. */
export function dutchVoices<V extends VoiceInfo>(voices: readonly V[], variety: DutchVariety): V[] {
  const rank = (v: V) => [v.localService ? 0 : 1, tag(v.lang) === variety.toLowerCase() ? 0 : 1, v.default ? 0 : 1] as const;
  return voices.filter(isDutch).sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.name.localeCompare(b.name);
  });
}

export type VoiceChoice<V> =
  /** A voice reads: the one the reader picked, else the best one on the device. */
  | { kind: "voice"; voice: V; online: boolean }
  /** Dutch voices exist only online: the reader has to pick one knowingly. */
  | { kind: "online-only" }
  /** No Dutch voice at all. */
  | { kind: "none" };

export function chooseVoice<V extends VoiceInfo>(offered: readonly V[], pickedURI: string | null): VoiceChoice<V> {
  const picked = pickedURI ? offered.find((v) => v.voiceURI === pickedURI) : undefined;
  if (picked) return { kind: "voice", voice: picked, online: !picked.localService };
  const local = offered.find((v) => v.localService);
  if (local) return { kind: "voice", voice: local, online: false };
  return offered.length > 0 ? { kind: "online-only" } : { kind: "none" };
}
