/**
 * Metamorphic transformations of a fixture page: each changes the markup in a way a reader
 * never notices, so the expected article stays what it was. `npm run robustness` and
 * test/compare/robustness.test.ts run every fixture through every one of them.
 * Each is a small function from a fixture's parsed page to a changed copy (changed as a DOM,
 * or written out, changed as text and parsed again); the page given is never touched, so one
 * parse serves every transformation. None needs a real browser.
 */
import { JSDOM } from "jsdom";
import type { Fixture } from "./fixtures";

export interface Transformation {
  name: string;
  /** What a reader would say changed: nothing. What the markup says changed: this. */
  description: string;
  /** A changed copy of `page` (the fixture parsed by parseFixture, late body in place). */
  apply: (page: Document, fixture: Fixture) => Document;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function serialize(doc: Document): string {
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

/** A copy of the page, changed by `change`. */
function viaDom(change: (doc: Document, fixture: Fixture) => void): Transformation["apply"] {
  return (page, fixture) => {
    const doc = page.cloneNode(true) as Document;
    change(doc, fixture);
    return doc;
  };
}

const all = (doc: Document, selector: string) => [...doc.body.querySelectorAll(selector)];

/** Text whose characters are markup, never shown as text. */
const RAW_TEXT = new Set(["script", "style", "template", "noscript", "textarea", "title"]);

function textNodes(doc: Document): Text[] {
  const out: Text[] = [];
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let hidden = false;
    for (let p = node.parentElement; p && !hidden; p = p.parentElement) hidden = RAW_TEXT.has(p.localName);
    if (!hidden) out.push(node as Text);
  }
  return out;
}

const stripClasses = viaDom((doc) => {
  for (const el of all(doc, "[class]")) el.removeAttribute("class");
});

const hashClasses = viaDom((doc) => {
  const next = random(11);
  const hashes = new Map<string, string>();
  const hash = (token: string) => {
    if (!hashes.has(token)) hashes.set(token, "_" + Math.floor(next() * 36 ** 7).toString(36).padStart(7, "0"));
    return hashes.get(token)!;
  };
  for (const el of all(doc, "[class]")) {
    el.setAttribute("class", el.getAttribute("class")!.split(/\s+/).filter(Boolean).map(hash).join(" "));
  }
});

/** A value an archive keeps because it points somewhere: an http(s) or protocol-relative address (a srcset list included). */
const ADDRESS = /^\s*(https?:)?\/\//i;

/** As archived copies look: no class and no data-* left, except data-* values that are addresses. */
const stripData = viaDom((doc) => {
  for (const el of all(doc, "*")) {
    el.removeAttribute("class");
    for (const { name, value } of [...el.attributes]) if (name.startsWith("data-") && !ADDRESS.test(value)) el.removeAttribute(name);
  }
});

const noTestIds = viaDom((doc) => {
  for (const el of all(doc, "[data-test-id]")) el.removeAttribute("data-test-id");
});

/** Blocks that a page builder might wrap; never inside an element whose children have a fixed role. */
const WRAPPABLE = "p,h2,h3,h4,h5,h6,figure,ul,ol,blockquote,div,section,aside";
const FIXED_PARENTS = new Set(["p", "ul", "ol", "li", "figure", "figcaption", "blockquote", "picture", "a", "span", "button", "table", "h1", "h2", "h3", "h4", "h5", "h6", "header"]);

const wrapBlocks = viaDom((doc) => {
  for (const el of all(doc, WRAPPABLE)) {
    if (!el.parentElement || FIXED_PARENTS.has(el.parentElement.localName) || el.closest("noscript,template")) continue;
    const outer = doc.createElement("div");
    const inner = doc.createElement("div");
    el.replaceWith(outer);
    outer.append(inner);
    inner.append(el);
  }
});

const GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
const ADDRESS_ATTRIBUTES = ["src", "srcset", "sizes", "currentsourceurl", "data-src", "data-srcset", "data-original", "data-lazy-src", "data-lazy"];

/** The expected image addresses of the fixture: the images a reader sees in the article. */
function expectedImages(fixture: Fixture): Set<string> {
  return new Set((fixture.expected.article?.blocks ?? []).flatMap((b) => (b.type === "figure" && b.src ? [b.src] : [])));
}

/** Every address an img (and its picture's sources) offers, as written. */
function offeredAddresses(img: Element): string[] {
  const sources = img.parentElement?.localName === "picture" ? [...img.parentElement.querySelectorAll("source")] : [];
  return [img, ...sources].flatMap((el) =>
    ADDRESS_ATTRIBUTES.flatMap((name) => (el.getAttribute(name) ?? "").split(",").map((c) => c.trim().split(/\s+/)[0] ?? "")),
  );
}

/** The article's images keep their address only in `attr`, behind a placeholder src, as a lazy loader would have them. */
function lazyIn(attr: string): Transformation["apply"] {
  return viaDom((doc, fixture) => {
    const wanted = expectedImages(fixture);
    for (const img of all(doc, "img")) {
      if (img.closest("noscript")) continue;
      const resolve = (raw: string) => {
        try {
          return new URL(raw, fixture.expected.url).href;
        } catch {
          return "";
        }
      };
      const address = offeredAddresses(img).map(resolve).find((url) => wanted.has(url));
      if (!address) continue;
      for (const name of ADDRESS_ATTRIBUTES) img.removeAttribute(name);
      if (img.parentElement?.localName === "picture") for (const source of img.parentElement.querySelectorAll("source")) source.remove();
      img.setAttribute("src", GIF);
      img.setAttribute(attr, attr.endsWith("srcset") ? `${address} 1280w` : address);
    }
  });
}

/** Boxes every news site has, written without any DPG hook. */
function junkBoxes(url: string): string[] {
  const site = new URL(url).origin;
  const shared = encodeURIComponent(url);
  return [
    `<div><span>Deel dit artikel:</span> <a href="https://www.facebook.com/sharer/sharer.php?u=${shared}">Facebook</a> <a href="https://twitter.com/intent/tweet?url=${shared}">X</a> <a href="https://wa.me/?text=${shared}">WhatsApp</a> <a href="https://www.linkedin.com/sharing/share-offsite/?url=${shared}">LinkedIn</a> <a href="mailto:?subject=Artikel&amp;body=${shared}">E-mail</a> <button type="button">Kopieer link</button></div>`,
    `<section><h3>Meer nieuws</h3><ul><li><a href="${site}/binnenland/kabinet-presenteert-plannen-voor-nieuwe-woonwijken~a1f00001/">Kabinet presenteert plannen voor nieuwe woonwijken</a></li><li><a href="${site}/regio/brandweer-rukt-uit-voor-grote-brand-in-loods~a1f00002/">Brandweer rukt uit voor grote brand in loods</a></li><li><a href="${site}/sport/late-goal-bezorgt-thuisploeg-de-zege~a1f00003/">Late goal bezorgt thuisploeg de zege</a></li></ul></section>`,
    `<div><p><strong>Nieuwsbrief</strong></p><p>Elke ochtend het belangrijkste nieuws in je mailbox.</p><form action="${site}/nieuwsbrieven/"><input type="email" placeholder="E-mailadres"><button type="submit">Aanmelden</button></form></div>`,
  ];
}

const normal = (text: string) => text.replace(/\s+/g, " ").trim();

/** A share bar, a teaser list and a newsletter box after every other paragraph of the article, and all three after its last. */
const insertJunk = viaDom((doc, fixture) => {
  const paragraphs = new Set((fixture.expected.article?.blocks ?? []).flatMap((b) => (b.type === "paragraph" ? [normal(b.text)] : [])));
  const found = all(doc, "p").filter((p) => !p.closest("blockquote,li,figure,header") && paragraphs.has(normal(p.textContent ?? "")));
  const boxes = junkBoxes(fixture.expected.url);
  const insertAfter = (p: Element, html: string) => p.insertAdjacentHTML("afterend", html);
  found.forEach((p, i) => {
    if (i % 2 === 0 && i < found.length - 1) insertAfter(p, boxes[(i / 2) % boxes.length]!);
  });
  const last = found[found.length - 1];
  if (last) insertAfter(last, boxes.join(""));
});

/** Text cut into spans of a few words, joined by no-break spaces, as some rich-text editors write it. */
const splitSpans = viaDom((doc) => {
  for (const node of textNodes(doc)) {
    const words = node.data.split(" ");
    if (words.filter(Boolean).length < 2) continue;
    const parts: Node[] = [];
    for (let i = 0; i < words.length; i += 3) {
      const span = doc.createElement("span");
      span.textContent = words.slice(i, i + 3).join("\u00a0");
      if (i) parts.push(doc.createTextNode(i % 2 ? " " : "\u00a0"));
      parts.push(span);
    }
    node.replaceWith(...parts);
  }
});

/** Every non-ASCII character of the text as a numeric entity, and Windows line ends: the page written out and parsed again. */
function entitiesCrlf(page: Document, fixture: Fixture): Document {
  const pieces = serialize(page).split(/(<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]*>)/i);
  const html = pieces
    .map((piece, i) => (i % 2 ? piece : piece.replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`)))
    .join("")
    .replace(/\r?\n/g, "\r\n");
  return new JSDOM(html, { url: fixture.expected.url }).window.document;
}

/** Kept: the ad slots' and body end's ids, which stand for what is not the article, as any layout would mark it somehow. */
const KEPT_ID = /^article_paragraph_|^article-content-bottom$/;

/** No template left to recognise: article, main and section become plain divs; class names and ids are gone. */
const unknownLayout = viaDom((doc) => {
  for (const el of all(doc, "article,main,section")) {
    const div = doc.createElement("div");
    for (const { name, value } of el.attributes) div.setAttribute(name, value);
    div.append(...el.childNodes);
    el.replaceWith(div);
  }
  for (const el of all(doc, "[class]")) el.removeAttribute("class");
  for (const el of all(doc, "[id]")) if (!KEPT_ID.test(el.id)) el.removeAttribute("id");
});

const noCanonical = viaDom((doc) => {
  for (const el of doc.querySelectorAll('link[rel="canonical"],meta[property="og:url"]')) el.remove();
});

const BLOCK_LEVEL = new Set(["div", "section", "article", "main", "aside", "header", "footer", "ul", "ol", "figure", "blockquote", "body", "nav"]);

/** Attributes in reverse order, and line breaks with indentation between block-level children. */
const reorderAttributes = viaDom((doc) => {
  for (const el of [doc.body, ...all(doc, "*")]) {
    const attrs = [...el.attributes].map((a) => [a.name, a.value] as const);
    for (const [name] of attrs) el.removeAttribute(name);
    for (const [name, value] of attrs.reverse()) el.setAttribute(name, value);
    if (!BLOCK_LEVEL.has(el.localName) || el.closest("noscript,template")) continue;
    for (const child of [...el.children]) child.before(doc.createTextNode("\n    "));
    el.append(doc.createTextNode("\n  "));
  }
});

export const TRANSFORMATIONS: Transformation[] = [
  { name: "strip-classes", description: "class attributes removed", apply: stripClasses },
  { name: "hash-classes", description: "class names replaced by random hashes", apply: hashClasses },
  { name: "strip-data", description: "every class and data-* attribute removed, data-* addresses kept (as archived copies look)", apply: stripData },
  { name: "no-test-ids", description: "data-test-id attributes removed", apply: noTestIds },
  { name: "wrap-blocks", description: "two extra wrapper divs around every block", apply: wrapBlocks },
  ...["data-src", "data-original", "data-lazy-src", "data-lazy", "currentsourceurl", "data-srcset"].map((attr) => ({
    name: `lazy-${attr}`,
    description: `image address only in ${attr}, placeholder src`,
    apply: lazyIn(attr),
  })),
  { name: "insert-junk", description: "share bars, teaser lists, newsletter boxes (no DPG hook) between paragraphs and after the body", apply: insertJunk },
  { name: "split-spans", description: "text split over spans with no-break spaces", apply: splitSpans },
  { name: "entities-crlf", description: "non-ASCII characters as entities, CRLF line ends", apply: entitiesCrlf },
  { name: "unknown-layout", description: "article, main and section as plain divs, classes and ids removed", apply: unknownLayout },
  { name: "no-canonical", description: "no canonical link or og:url (the url is given)", apply: noCanonical },
  { name: "reorder-attributes", description: "attributes reordered, whitespace added between blocks", apply: reorderAttributes },
];
