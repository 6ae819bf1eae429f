/**
 * What the page's mutation records say it did since the last read, when that is only adding
 * elements (a liveblog's new moment): the added elements as runs of siblings, each with the
 * elements just before and after it, for reading the runs alone (core fragment.ts) and placing
 * their blocks beside their neighbours' (core added-blocks.ts), and where the page changed
 * anything else (a removal, a text edit, loose text): outside the article's body that only
 * means its header is read again; inside, the page is read whole (core fragment.ts decides).
 */

export interface AddedElements {
  run: Element[];
  before: Element | null;
  after: Element | null;
}

const inOrder = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

export function addedElements(records: readonly MutationRecord[]): { runs: AddedElements[]; changed: Node[] } | null {
  const added = new Set<Element>();
  const changed = new Set<Node>();
  for (const record of records) {
    const nodes = [...record.addedNodes];
    if (record.type !== "childList" || record.removedNodes.length > 0 || nodes.some((n) => n.nodeType !== 1 && (n.nodeType !== 3 || (n as Text).data.trim()))) {
      changed.add(record.target);
      continue;
    }
    for (const node of nodes) if (node.nodeType === 1) added.add(node as Element);
  }
  // An element added inside another added one is read with it.
  const tops = [...added].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (added.has(p)) return false;
    return true;
  });
  // Added and gone again: what it was added to changed.
  if (!tops.every((el) => el.isConnected)) return null;
  tops.sort(inOrder);
  const runs: AddedElements[] = [];
  for (const el of tops) {
    const last = runs.at(-1);
    if (last && last.run.at(-1)!.nextElementSibling === el) last.run.push(el);
    else runs.push({ run: [el], before: el.previousElementSibling, after: null });
  }
  for (const run of runs) run.after = run.run.at(-1)!.nextElementSibling;
  return { runs, changed: [...changed] };
}
