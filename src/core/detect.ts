import type { Detection } from "./article";
import { findPhrases } from "./phrases";
import { withFacts } from "./selectors";

/** Counts consent placeholders and photo markers in the page's visible text. */
export function detect(doc: Document): Detection {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { placeholders: 0, photoMarkers: 0 };
  const hits = withFacts(() => findPhrases(root));
  return { placeholders: hits.placeholder.length, photoMarkers: hits.photoMarker.length };
}
