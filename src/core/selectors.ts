/**
 * DOM lookups for the core. At its heart a tiny matcher for the simple selectors in
 * site-rules.ts (tag, #id, .class and [attr], [attr=v], [attr^=v], [attr*=v], [attr$=v],
 * combined without combinators). Checked against each element in one walk, it is far cheaper
 * than running the page's selector engine over the whole body once per rule, which costs
 * milliseconds in jsdom. All walks are iterative, so deep nesting cannot overflow the stack.
 */

export type ElementTest = (el: Element) => boolean;

const COMPOUND = /^([a-z][a-z0-9-]*|\*)?((?:#[\w-]+|\.[\w-]+|\[[^\]]+\])*)$/i;
const PART = /#([\w-]+)|\.([\w-]+)|\[\s*([\w-]+)\s*(?:([\^*$]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*\]/g;

interface Compound {
  /** What an element must have for this selector to be worth testing: a tag, a class or an attribute name. */
  anchor: { tag: string } | { cls: string } | { attr: string };
  test: ElementTest;
}

const SPACE = /\s+/;

/** What the matcher reads of an element's attributes, read once per element while a reading lasts. */
interface Facts {
  tag: string;
  names: readonly string[];
  classes: readonly string[];
  values: Map<string, string | null>;
}

/** Elements without attributes share their tag's facts. */
const bare = new Map<string, Facts>();

/**
 * Attribute reads are the costliest DOM calls in jsdom (about 150 ns each, a tenth of that for
 * a Map lookup), and one reading asks each element's attributes of dozens of tests. While
 * `withFacts` runs, which is synchronous so the page cannot change meanwhile, each element's are
 * read once; outside it, every read goes to the element.
 */
let facts: Map<Element, Facts> | null = null;
/**
 * Likewise the walks: one reading walks the article root for its title, intro, dates, lead
 * photos and body. A walk that went through the whole root is kept, and the next lookup in that
 * root reads the list instead of the element links (about 250 ns an element in jsdom).
 */
let walks: Map<Element, Element[]> | null = null;

export function withFacts<T>(run: () => T): T {
  if (facts) return run();
  facts = new Map();
  walks = new Map();
  try {
    return run();
  } finally {
    facts = null;
    walks = null;
  }
}

function factsOf(el: Element): Facts {
  let found = facts?.get(el);
  if (found) return found;
  const tag = el.localName;
  if (!el.hasAttributes()) {
    found = bare.get(tag);
    if (!found) bare.set(tag, (found = { tag, names: [], classes: [], values: new Map() }));
  } else {
    const cls = el.getAttribute("class");
    found = { tag, names: el.getAttributeNames(), classes: cls ? cls.split(SPACE) : [], values: new Map() };
  }
  facts?.set(el, found);
  return found;
}

/** `el.getAttribute(name)` for a lower-case name, read once per reading (see `withFacts`). */
export function attrOf(el: Element, name: string): string | null {
  if (!facts) return el.getAttribute(name);
  const known = factsOf(el);
  if (!known.names.includes(name)) return null;
  let value = known.values.get(name);
  if (value === undefined) known.values.set(name, (value = el.getAttribute(name)));
  return value;
}

const hasClass = (el: Element, cls: string) => factsOf(el).classes.includes(cls);

/** `el.localName`, read once per reading. */
export const tagOf = (el: Element): string => (facts ? factsOf(el).tag : el.localName);

function compileCompound(selector: string): Compound {
  const match = COMPOUND.exec(selector.trim());
  if (!match) throw new Error(`unsupported selector in site rules: ${selector}`);
  const tag = match[1] && match[1] !== "*" ? match[1].toLowerCase() : null;
  const tests: ElementTest[] = tag ? [(el) => tagOf(el) === tag] : [];
  let anchor: Compound["anchor"] | null = null;
  for (const part of (match[2] ?? "").matchAll(PART)) {
    const [, id, cls, attr, op, v1, v2, v3] = part;
    if (id !== undefined) {
      anchor ??= { attr: "id" };
      tests.push((el) => attrOf(el, "id") === id);
    } else if (cls !== undefined) {
      anchor ??= { cls };
      tests.push((el) => hasClass(el, cls));
    } else {
      const name = attr!.toLowerCase();
      anchor ??= { attr: name };
      const value = v1 ?? v2 ?? v3 ?? "";
      const get = (el: Element) => attrOf(el, name);
      if (!op) tests.push((el) => get(el) !== null);
      else if (op === "=") tests.push((el) => get(el) === value);
      else if (op === "^=") tests.push((el) => !!value && !!get(el)?.startsWith(value));
      else if (op === "*=") tests.push((el) => !!value && !!get(el)?.includes(value));
      else tests.push((el) => !!value && !!get(el)?.endsWith(value));
    }
  }
  if (!tag && !anchor) throw new Error(`selector matches everything: ${selector}`);
  return { anchor: anchor ?? { tag: tag! }, test: (el) => tests.every((t) => t(el)) };
}

/**
 * One test for a comma-separated list of simple selectors (compiled once, cached). Selectors
 * are filed under a tag, a class or an attribute name they need, so an element is only tested
 * against the few that can match it.
 */
export function compileSelector(list: string): ElementTest {
  let test = compiled.get(list);
  if (!test) compiled.set(list, (test = compileList(list)));
  return test;
}

const compiled = new Map<string, ElementTest>();

function compileList(list: string): ElementTest {
  const byTag = new Map<string, ElementTest[]>();
  const byClass = new Map<string, ElementTest[]>();
  const byAttr = new Map<string, ElementTest[]>();
  for (const selector of list.split(",").filter((s) => s.trim())) {
    const { anchor, test } = compileCompound(selector);
    const [map, key] = "tag" in anchor ? [byTag, anchor.tag] : "cls" in anchor ? [byClass, anchor.cls] : [byAttr, anchor.attr];
    map.set(key, [...(map.get(key) ?? []), test]);
  }
  return (el) => {
    if (byTag.get(tagOf(el))?.some((t) => t(el))) return true;
    // A list of tags alone reads no attributes.
    if (!byClass.size && !byAttr.size) return false;
    const { names, classes } = factsOf(el);
    if (byClass.size && classes.some((token) => byClass.get(token)?.some((t) => t(el)))) return true;
    // The element's few attributes looked up among the anchors, not every anchor asked of the element.
    return byAttr.size > 0 && names.some((name) => byAttr.get(name)?.some((t) => t(el)));
  };
}

/** The first descendant of `root` matching the simple selector list, in document order. */
export function first(root: Element, selector: string): Element | null {
  return findDescendant(root, compileSelector(selector));
}

/** The nearest ancestor (or the element itself) with this tag name. */
export function closestTag(el: Element, tag: string): Element | null {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (tagOf(cur) === tag) return cur;
  return null;
}

/** Document-order successor of `el` among the descendants of `root` (iterative; jsdom's live collections are slow). */
export function nextElement(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  let cur: Element | null = el;
  while (cur && cur !== root) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
    cur = cur.parentElement;
  }
  return null;
}

/**
 * An element's child nodes, or child elements, as arrays. Read through the sibling links: jsdom
 * builds a live collection for every `childNodes` or `children` read, about fifteen times the
 * cost of the walk itself, and the body reading asks for children at every level.
 */
export function childNodesOf(el: Node): Node[] {
  const nodes: Node[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) nodes.push(node);
  return nodes;
}

export function childElementsOf(el: Element): Element[] {
  const els: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) els.push(child);
  return els;
}

/** Every descendant of `root`, in document order. */
export function descendantsOf(root: Element): readonly Element[] {
  let all = walks?.get(root);
  if (all) return all;
  all = [];
  for (let el = root.firstElementChild; el; el = nextElement(el, root)) all.push(el);
  walks?.set(root, all);
  return all;
}

/** All descendants of `root` passing `test`, in document order. */
export function findAllDescendants(root: Element, test: ElementTest): Element[] {
  return descendantsOf(root).filter(test);
}

/** The first descendant of `root` passing `test`, in document order. */
export function findDescendant(root: Element, test: ElementTest): Element | null {
  const known = walks?.get(root);
  if (known) return known.find(test) ?? null;
  // Most lookups stop early; one that reads the whole root during a reading is kept for the next.
  const seen: Element[] | null = walks ? [] : null;
  for (let el = root.firstElementChild; el; el = nextElement(el, root)) {
    if (test(el)) return el;
    seen?.push(el);
  }
  if (seen) walks?.set(root, seen);
  return null;
}

/**
 * Elements of a <noscript> copy that pass `test`. Without scripting (jsdom) its contents are
 * elements; in a browser they are one text node, parsed here with DOMParser into an inert
 * document that runs and loads nothing.
 */
export function noscriptElements(noscript: Element, test: ElementTest): Element[] {
  if (noscript.firstElementChild) return findAllDescendants(noscript, test);
  const Parser = noscript.ownerDocument.defaultView?.DOMParser;
  const copy = Parser ? new Parser().parseFromString(noscript.textContent ?? "", "text/html").body : null;
  return copy ? findAllDescendants(copy, test) : [];
}
