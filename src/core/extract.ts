import type { Article } from "./article";

export type ExtractResult = { ok: true; article: Article } | { ok: false; reason: string };

// Placeholder until the core lands.
export function extract(_doc: Document, _url?: string): ExtractResult {
  return { ok: false, reason: "not implemented" };
}
