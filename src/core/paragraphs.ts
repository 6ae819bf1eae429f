/**
 * The paragraphs of one block of text. Templates that set paragraphs as plain `div`s may put
 * two in one, split by an empty line (`<br><br>`): each is a paragraph of its own. A single
 * `<br>` is a line break inside the paragraph.
 */
import { normalizeText, textOf } from "./text";

const isBr = (node: Node) => node.nodeType === 1 && (node as Element).localName === "br";
const isBlank = (node: Node) => node.nodeType === 8 || (node.nodeType === 3 && !normalizeText((node as Text).data));

/** Texts of the parts of `nodes` (an element's children, or a run of siblings) between empty lines. */
export function paragraphTexts(nodes: Element | Node[], omit: (el: Element) => boolean): string[] {
  const list = Array.isArray(nodes) ? nodes : [...nodes.childNodes];
  if (!list.some(isBr)) return [textOf(nodes, omit)];
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
