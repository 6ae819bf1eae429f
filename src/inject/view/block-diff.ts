/**
 * Which of the blocks on screen the page's new reading keeps, by what the blocks say, never by
 * the page's nodes: a page that redraws its whole list (as a framework does) gives equal blocks
 * and so changes nothing on screen, an edited block is one block out and one in, and new moments
 * are blocks in, at whichever end the page put them.
 */
import type { Block } from "../../core/article";

/**
 * Keys of the blocks already keyed: an update that only added moments hands the view the blocks
 * it shows as the same objects (core added-blocks.ts), so only the new ones are stringified.
 */
const keyed = new WeakMap<Block, string>();

/** What a block says, as one string: two blocks are the same block when these are equal. */
export function blockKey(block: Block): string {
  let key = keyed.get(block);
  if (key === undefined) keyed.set(block, (key = JSON.stringify(block)));
  return key;
}

/** How the new blocks come from the shown ones. */
export interface BlockDiff {
  /** For each new block, the index of the shown block it equals (kept on screen as it is), or -1 (new). */
  from: number[];
  /** The indices of the shown blocks that are gone, in order. */
  removed: number[];
}

/**
 * Above this many cells the middle is matched greedily, in order, instead of by the longest
 * common subsequence: a page that changed hundreds of blocks at once has been replaced, and an
 * update must stay well within a frame.
 */
const LCS_CELLS = 40_000;

/** Pairs equal keys of a and b along their longest common subsequence. */
function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the LCS of a[i…] and b[j…], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = a[i] === b[j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Each key of b paired with the next equal key of a after the last pair: in order, never crossing. */
function greedyPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const at = new Map<string, number[]>();
  a.forEach((key, i) => (at.get(key) ?? at.set(key, []).get(key)!).push(i));
  const pairs: [number, number][] = [];
  let after = -1;
  b.forEach((key, j) => {
    const i = at.get(key)?.find((index) => index > after);
    if (i === undefined) return;
    pairs.push([i, j]);
    after = i;
  });
  return pairs;
}

/** `shown` and `next` as block keys (blockKey). The common start and end are kept without comparing the rest. */
export function diffBlocks(shown: readonly string[], next: readonly string[]): BlockDiff {
  let start = 0;
  while (start < shown.length && start < next.length && shown[start] === next[start]) start++;
  let end = 0;
  while (end < shown.length - start && end < next.length - start && shown[shown.length - 1 - end] === next[next.length - 1 - end]) end++;

  const from = next.map(() => -1);
  const kept = new Set<number>();
  const keep = (i: number, j: number) => {
    from[j] = i;
    kept.add(i);
  };
  for (let k = 0; k < start; k++) keep(k, k);
  for (let k = 1; k <= end; k++) keep(shown.length - k, next.length - k);

  const a = shown.slice(start, shown.length - end);
  const b = next.slice(start, next.length - end);
  const pairs = a.length * b.length <= LCS_CELLS ? lcsPairs(a, b) : greedyPairs(a, b);
  for (const [i, j] of pairs) keep(start + i, start + j);

  const removed = shown.map((_, i) => i).filter((i) => !kept.has(i));
  return { from, removed };
}
