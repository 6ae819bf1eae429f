/**
 * Text handling shared by detection and extraction. Output text keeps the page's own
 * characters (curly quotes, ,, quotes) and only tidies whitespace; matching uses a loose
 * "key" so markup, spacing, case, quotes and accents never hide a known phrase.
 */
import { tagOf } from "./selectors";
import { BLOCK_TAGS, SKIP_TAGS } from "./site-rules";

/**
 * Whitespace runs that are not already one plain space. Leaving the single spaces between
 * words alone saves a replacement per word on every paragraph. (\s covers nbsp and the
 * typographic spaces.)
 */
const SPACES = /\s{2,}|[^\S ]/g;
const INVISIBLE = /[\u200b-\u200d\ufeff\u00ad]/g;

/** Collapses whitespace runs (nbsp included) to one space, removes zero-width characters, trims. */
export function normalizeText(raw: string): string {
  return raw.replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]/g;

/** Loose comparison key: lower-case letters and digits only, accents stripped. */
export function matchKey(raw: string): string {
  const base = NON_ASCII.test(raw) ? raw.normalize("NFKD").replace(COMBINING, "") : raw;
  return base.toLowerCase().replace(NON_ALNUM, "");
}

/**
 * True when `text` holds a letter (a character with case) or a digit. Not a \p{L} regular
 * expression: building that one costs a millisecond on a cold page, on the way to the view.
 */
export function hasLetterOrDigit(text: string): boolean {
  return text.toLowerCase() !== text.toUpperCase() || /\d/.test(text);
}

/**
 * Text without a leading label ("Door …", "© …", "Bron: …"), compared without case: a word
 * label only when a space follows it, a label ending in a sign ("©", "Bron:") also directly
 * before the name. Text that would be left empty stays as it is.
 */
export function stripLabel(text: string, labels: readonly string[]): string {
  for (const label of labels) {
    if (!text.toLowerCase().startsWith(label.toLowerCase())) continue;
    const rest = text.slice(label.length).trim();
    const endsInWord = hasLetterOrDigit(label.slice(-1));
    if (rest && (!endsInWord || text[label.length] === " ")) return rest;
  }
  return text;
}

/** True for nodes whose subtree is never visible article text. */
export function isSkippedElement(el: Element): boolean {
  return SKIP_TAGS.has(tagOf(el));
}

/**
 * Visible text of a node (or of a run of sibling nodes), normalised; `<br>` and block
 * boundaries count as spaces. Iterative, so deep nesting cannot overflow the stack.
 * `omit` leaves out inline parts (an sr-only marker, a credit span) by element. With `limit`,
 * stops once that much raw text is read: the result then starts like the whole text does.
 */
export function textOf(nodes: Node | Node[], omit?: (el: Element) => boolean, limit = Infinity): string {
  const read = { out: "", limit, omit };
  if (Array.isArray(nodes)) {
    for (const top of nodes) if (readText(top, top, read)) break;
  } else if (!(nodes.nodeType === 1 && isSkippedElement(nodes as Element)) && nodes.firstChild) {
    readText(nodes.firstChild, nodes, read);
  }
  return normalizeText(read.out);
}

/** Appends the text from `start` on, inside `root`, to `read.out`; true once `read.limit` is reached. */
function readText(start: Node, root: Node, read: { out: string; limit: number; omit?: ((el: Element) => boolean) | undefined }): boolean {
  let node: Node | null = start;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      read.out += (node as Text).data;
      if (read.out.length >= read.limit) return true;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === "br") read.out += " ";
      else if (!SKIP_TAGS.has(tag) && !(read.omit && read.omit(el))) {
        descend = true;
        // Blocks inside (paragraphs of a quote, items) are separate words even without whitespace between.
        if (BLOCK_TAGS.has(tag)) read.out += " ";
      }
    }
    node = nextNode(node, root, descend);
  }
  return false;
}

/** Document-order successor of `node` inside `root`, optionally skipping node's subtree. */
export function nextNode(node: Node, root: Node, descend: boolean): Node | null {
  if (descend && node.firstChild) return node.firstChild;
  let cur: Node | null = node;
  while (cur && cur !== root) {
    if (cur.nextSibling) return cur.nextSibling;
    cur = cur.parentNode;
  }
  return null;
}
