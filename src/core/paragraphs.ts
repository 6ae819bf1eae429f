/**
 * The paragraphs of one block of text. Templates that set paragraphs as plain `div`s may put
 * two in one, split by an empty line (`<br><br>`): each is a paragraph of its own. A single
 * `<br>` is a line break inside the paragraph.
 */
import { childNodesOf, tagOf } from "./selectors";
import { normalizeText, textOf } from "./text";

const isBr = (node: Node) => node.nodeType === 1 && tagOf(node as Element) === "br";
const isBlank = (node: Node) => node.nodeType === 8 || (node.nodeType === 3 && !normalizeText((node as Text).data));

function hasBr(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (tagOf(child) === "br") return true;
  return false;
}

/** Texts of the parts of `nodes` (an element's children, or a run of siblings) between empty lines. */
export function paragraphTexts(nodes: Element | Node[], omit: (el: Element) => boolean): string[] {
  if (!(Array.isArray(nodes) ? nodes.some(isBr) : hasBr(nodes))) return [textOf(nodes, omit)];
  const list = Array.isArray(nodes) ? nodes : childNodesOf(nodes);
  const parts: Node[][] = [[]];
  for (let i = 0; i < list.length; i++) {
    const node = list[i]!;
    if (isBr(node)) {
      let j = i + 1;
      while (j < list.length && isBlank(list[j]!)) j++;
      if (j < list.length && isBr(list[j]!)) {
        parts.push([]);
        while (j + 1 < list.length && (isBr(list[j + 1]!) || isBlank(list[j + 1]!))) j++;
        i = j;
        continue;
      }
    }
    parts[parts.length - 1]!.push(node);
  }
  return parts.map((part) => textOf(part, omit)).filter(Boolean);
}
