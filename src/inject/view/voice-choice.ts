/**
 * Which voice reads the article aloud: a voice of the article's own language (Dutch, or French
 * on 7sur7), the site's variety first (Flemish on the Belgian Dutch titles, Belgian French on
 * 7sur7, Netherlands Dutch elsewhere), then any voice of that language. Voices on the device
 * come first and only they are chosen by themselves: an online voice (`localService` false)
 * sends the text to its vendor, so it reads only once the reader picks it.
 */

/** The part of a SpeechSynthesisVoice this choice looks at (tests build plain objects). */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
  voiceURI: string;
  default?: boolean;
}

/** The languages DPG's titles are written in (dpg-sites.json). */
export type SpeechLanguage = "nl" | "fr";

/** What to read with: the article's language and, first among its voices, the site's variety. */
export interface SpeechWanted {
  language: SpeechLanguage;
  variety: string;
}

const tag = (lang: string) => lang.replace(/_/g, "-").toLowerCase();

/**
 * French for a French article, Dutch otherwise; the Belgian variety on a .be title or a -BE tag,
 * else the language's home one (nl-NL, fr-FR).
 */
export function speechFor(articleUrl: string | null, lang: string): SpeechWanted {
  let host = "";
  try {
    host = new URL(articleUrl ?? "").hostname;
  } catch {
    // No address: the language tag alone decides.
  }
  const language: SpeechLanguage = /^fr(-|$)/.test(tag(lang)) ? "fr" : "nl";
  const belgian = host.endsWith(".be") || tag(lang).endsWith("-be");
  return { language, variety: belgian ? `${language}-be` : language === "fr" ? "fr-fr" : "nl-nl" };
}

/** The voices of the wanted language in the order the reader is offered them: on the device first, then the site's variety, the system's default, by name. */
export function voicesFor<V extends VoiceInfo>(voices: readonly V[], wanted: SpeechWanted): V[] {
  const speaks = (v: V) => tag(v.lang) === wanted.language || tag(v.lang).startsWith(`${wanted.language}-`);
  const rank = (v: V) => [v.localService ? 0 : 1, tag(v.lang) === wanted.variety ? 0 : 1, v.default ? 0 : 1] as const;
  return voices.filter(speaks).sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.name.localeCompare(b.name);
  });
}

export type VoiceChoice<V> =
  /** A voice reads: the one the reader picked, else the best one on the device. */
  | { kind: "voice"; voice: V; online: boolean }
  /** Voices of the language exist only online: the reader has to pick one knowingly. */
  | { kind: "online-only" }
  /** No voice of the language at all. */
  | { kind: "none" };

export function chooseVoice<V extends VoiceInfo>(offered: readonly V[], pickedURI: string | null): VoiceChoice<V> {
  const picked = pickedURI ? offered.find((v) => v.voiceURI === pickedURI) : undefined;
  if (picked) return { kind: "voice", voice: picked, online: !picked.localService };
  const local = offered.find((v) => v.localService);
  if (local) return { kind: "voice", voice: local, online: false };
  return offered.length > 0 ? { kind: "online-only" } : { kind: "none" };
}
