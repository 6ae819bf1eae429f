/**
 * Finds the known phrases (placeholder, photo marker, playlist intro) in the visible text
 * of a subtree, by text alone: one pass over the text nodes builds a loose key stream,
 * so a phrase split over several nodes or elements, with odd spacing, nbsp or curly
 * quotes, is still found. Each occurrence is reported once, with the innermost element
 * that holds all of it.
 */
import { INVISIBLE_TAGS, PHRASES, type PhraseKind } from "./site-rules";
import { matchKey, nextNode } from "./text";

export type PhraseHits = Record<PhraseKind, Element[]>;

const KINDS = Object.keys(PHRASES) as PhraseKind[];
const KEYS: [PhraseKind, string][] = KINDS.flatMap((kind) =>
  PHRASES[kind].map((text): [PhraseKind, string] => [kind, matchKey(text)]),
);

/** Cheap words every phrase contains; a page with none of them needs no walk. */
const QUICK_CHECK = /cookies|foto|playlist/i;

interface Run {
  node: Text;
  start: number;
}

export function findPhrases(root: Node, quickText?: string): PhraseHits {
  const hits: PhraseHits = { placeholder: [], photoMarker: [], playlist: [] };
  if (quickText !== undefined && !QUICK_CHECK.test(quickText)) return hits;

  const runs: Run[] = [];
  let stream = "";
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const key = matchKey((node as Text).data);
      if (key) {
        runs.push({ node: node as Text, start: stream.length });
        stream += key;
      }
    } else if (node.nodeType === 1) {
      descend = !INVISIBLE_TAGS.has((node as Element).localName);
    }
    node = nextNode(node, root, descend);
  }

  for (const [kind, key] of KEYS) {
    for (let at = stream.indexOf(key); at >= 0; at = stream.indexOf(key, at + key.length)) {
      const first = runAt(runs, at);
      const last = runAt(runs, at + key.length - 1);
      hits[kind].push(commonElement(first.node, last.node));
    }
  }
  return hits;
}

/** The run holding stream offset `pos` (binary search: runs are in stream order). */
function runAt(runs: Run[], pos: number): Run {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return runs[lo]!;
}

function commonElement(a: Node, b: Node): Element {
  const ancestors = new Set<Node>();
  for (let n: Node | null = a.parentNode; n; n = n.parentNode) ancestors.add(n);
  let n: Node | null = b.parentNode;
  while (n && !ancestors.has(n)) n = n.parentNode;
  return (n ?? a.parentNode) as Element;
}
