/**
 * Text-quality measures for `npm run compare`: how close a tool's article text is to the
 * expected article, by token overlap, and how much known page furniture it left in.
 * Pure functions, so the figures in the README can be checked by hand.
 */
import type { Article } from "../../src/core/article";
import { JUNK_TEXTS, PHRASES } from "../../src/core/site-rules";

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower-cased runs of letters and digits (any script); punctuation and symbols split tokens. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize("NFC").match(TOKEN) ?? [];
}

function counts(tokens: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Size of the multiset intersection: a token counts as often as it occurs in both. */
export function overlap(a: string[], b: string[]): number {
  const cb = counts(b);
  let n = 0;
  for (const [t, k] of counts(a)) n += Math.min(k, cb.get(t) ?? 0);
  return n;
}

/** Token precision/recall/F1 of `actual` against `expected`. Nothing expected and nothing given is perfect. */
export function scoreTokens(expected: string, actual: string): Scores {
  const e = tokenize(expected);
  const a = tokenize(actual);
  if (e.length === 0 && a.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const common = overlap(e, a);
  const precision = a.length ? common / a.length : 0;
  const recall = e.length ? common / e.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Whitespace (nbsp included) collapsed, curly apostrophes straightened, lower-cased: how junk is matched. */
function looseText(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").replace(/[’‘`]/g, "'").toLowerCase().trim();
}

function wholeWord(needle: string): RegExp {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A single word must stand alone ("Delen" is not junk inside "onderdelen"); a phrase is
  // distinctive enough to count even when glued to a neighbouring block's text.
  if (/\s/.test(needle)) return new RegExp(escaped, "gu");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
}

/** Counts each junk string, longest first, skipping matches inside a longer one: a kept placeholder counts once, not once per sentence. */
function junkHits(text: string, junk: string[]): Map<string, number> {
  const hits = new Map<string, number>();
  const claimed: [number, number][] = [];
  for (const j of junk) {
    let n = 0;
    for (const m of text.matchAll(wholeWord(j))) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed.some(([s, e]) => start < e && end > s)) continue;
      claimed.push([start, end]);
      n++;
    }
    hits.set(j, n);
  }
  return hits;
}

/**
 * How many junk strings the output holds beyond what the expected article itself contains
 * (an article may legitimately use a word like "advertentie").
 */
export function countJunk(actual: string, expected: string, junk: readonly string[]): number {
  const list = [...new Set(junk.map(looseText))].filter(Boolean).sort((a, b) => b.length - a.length);
  const got = junkHits(looseText(actual), list);
  const want = junkHits(looseText(expected), list);
  let n = 0;
  for (const [j, k] of got) n += Math.max(0, k - (want.get(j) ?? 0));
  return n;
}

/**
 * The article's reading text, as scored: title, intro and every block's text in order.
 * Byline, date and site are metadata that Readability reports outside its text, and embed
 * notes are Leesrust's own wording (no page text to recover), so neither is scored.
 */
export type ScoredArticle = Pick<Article, "title" | "intro" | "blocks">;

export function articleText(article: ScoredArticle): string {
  const parts = [article.title, article.intro ?? ""];
  for (const b of article.blocks) if (b.type !== "embed") parts.push(b.text);
  return parts.filter(Boolean).join("\n");
}

/** Splits each phrase into its sentences as well, so a tool that keeps half a placeholder is still caught. */
export function junkList(phrases: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of phrases) {
    out.add(p);
    for (const s of p.split(/(?<=[.!?:])\s+/)) if (s.trim()) out.add(s.trim());
  }
  return [...out];
}

export interface Summary {
  mean: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) return { mean: NaN, min: NaN, max: NaN };
  return {
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Page furniture that must not reach a reading view: the core's own phrase and junk tables. */
export const DPG_JUNK = junkList([...Object.values(PHRASES).flat(), ...JUNK_TEXTS]);
