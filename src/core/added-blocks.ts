/**
 * An article with the parts the page added since it was read (fragment.ts readParts) put in:
 * each run's blocks beside the blocks of the element next to it in the page, found in the article
 * as one piece, once. Where that is not certain (the neighbour reads to nothing, or to blocks the
 * article has twice or not at all) there is no answer, and the page is read whole again.
 * Pure over plain data, so it runs in the content script without the reader bundle.
 */
import type { Article, Block } from "./article";
import type { PartReading } from "./fragment";
import { latest } from "./latest-date";

export interface AddedRun {
  reading: PartReading;
  /** The reading of the element just before the run in the page, and of the one just after it. */
  before: PartReading | null;
  after: PartReading | null;
}

const textOf = (block: Block) => ("text" in block ? block.text : "");
const sameBlock = (a: Block, b: Block) => a === b || (a.type === b.type && textOf(a) === textOf(b) && JSON.stringify(a) === JSON.stringify(b));

/** Where `part` stands in `blocks` as one piece: its first index, or -1 when it is there not exactly once. */
function findOnce(blocks: readonly Block[], part: readonly Block[]): number {
  let found = -1;
  for (let i = 0; i + part.length <= blocks.length; i++) {
    if (!part.every((block, k) => sameBlock(blocks[i + k]!, block))) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

/** Where a run's blocks go: after the blocks of the element before it, or else before those of the element after it. */
function insertAt(blocks: readonly Block[], run: AddedRun): number {
  if (run.before?.blocks.length) {
    const at = findOnce(blocks, run.before.blocks);
    if (at >= 0) return at + run.before.blocks.length;
  }
  if (run.after?.blocks.length) return findOnce(blocks, run.after.blocks);
  return -1;
}

/** The article with the runs' blocks in, or null when one run's place is not certain. Blocks already read stay the same objects. */
export function withAdded(article: Article, runs: readonly AddedRun[]): Article | null {
  let blocks = article.blocks;
  const moments: string[] = [];
  let paywall = article.paywall;
  for (const run of runs) {
    const { reading } = run;
    paywall ||= reading.paywall;
    moments.push(...reading.moments);
    if (reading.blocks.length === 0) continue;
    const at = insertAt(blocks, run);
    if (at < 0) return null;
    blocks = [...blocks.slice(0, at), ...reading.blocks, ...blocks.slice(at)];
  }
  const newest = latest([article.modified, ...moments]);
  const modified = newest && (!article.published || Date.parse(newest) > Date.parse(article.published)) ? newest : article.modified;
  return { ...article, paywall, blocks, ...(modified && { modified }) };
}
