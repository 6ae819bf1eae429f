/**
 * The reading view's CSS. Colours live in one theme table; every pair of text and background
 * colour in it meets WCAG AA (4.5:1) — test/view/styles.test.ts checks that.
 */

export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  link: string;
  rule: string;
  panel: string;
  scheme: "light" | "dark";
}

export const PALETTES: Record<"light" | "sepia" | "dark", Palette> = {
  // Light and dark share the popup's and options page's colours (src/ui/base.css): one look for all of Leesrust.
  light: { bg: "#fbf8f1", fg: "#1d2426", muted: "#55605f", link: "#1f4e5f", rule: "#d9d2c3", panel: "#f1ece1", scheme: "light" },
  sepia: { bg: "#f6efdf", fg: "#34291c", muted: "#5d4a33", link: "#8a3a00", rule: "#d6c6a4", panel: "#ece2ca", scheme: "light" },
  dark: { bg: "#1b2022", fg: "#ece7dc", muted: "#aab3b1", link: "#7fb7c8", rule: "#3a4245", panel: "#252c2f", scheme: "dark" },
};

/**
 * Short font stacks whose first name is there on Windows and macOS: every family a browser
 * does not find is looked up again for each size and weight on the page, and on Linux each
 * lookup is a round trip to the browser process. The seven- and eight-name stacks this
 * replaced cost the seed page's first frame 27 such lookups.
 */
export const SERIF = `Georgia, serif`;
export const SANS = `system-ui, sans-serif`;

/** One face the view sets text in. */
export interface Face {
  /** The elements set in it; an element matching several takes the last. */
  selector: string;
  /** "text": the reader's choice of serif or sans; "ui": the sans of the toolbar and the small print. */
  family: "text" | "ui";
  /** A multiple of the reader's text size (`phone`: on a screen as narrow as PHONE), or a fixed size in px. */
  size: { times: number; phone?: number } | { px: number };
  weight?: 400 | 600 | 700;
  italic?: boolean;
}

/**
 * Every face of the view's text, in one table: the CSS's font rules are made from it, and so is
 * the warm-up (warm-faces.ts) that has the browser find and shape these faces while the popup
 * is open rather than in the view's first frame. The table sets weight and style on headings,
 * <small> and <cite> too, so the browser's own defaults for them cannot differ from it.
 */
export const FACES: readonly Face[] = [
  { selector: ".lr-root", family: "ui", size: { px: 16 } },
  { selector: ".lr-bar, .lr-player, .lr-live", family: "ui", size: { px: 15 } },
  { selector: "legend", family: "ui", size: { px: 15 }, weight: 600 },
  { selector: "article", family: "text", size: { times: 1 } },
  // The small print above and below the title shares one face: each further face or size is another font load on the way to the first frame.
  { selector: '[data-field="site"], .lr-meta', family: "ui", size: { times: 0.75 } },
  // On a phone title and intro step down, so that the first screen shows the article's first lines too.
  { selector: "h1", family: "text", size: { times: 2, phone: 1.5 }, weight: 700 },
  { selector: "h2", family: "text", size: { times: 1.4 }, weight: 700 },
  { selector: "h3", family: "text", size: { times: 1.15 }, weight: 700 },
  // Larger than the body, not heavier: a bold intro under a bold title is a wall on a phone.
  { selector: '[data-field="intro"]', family: "text", size: { times: 1.15, phone: 1.05 } },
  { selector: "figcaption, figcaption small", family: "ui", size: { times: 0.78 } },
  { selector: 'aside[data-block="embed"]', family: "ui", size: { times: 0.78 } },
  { selector: 'aside[data-block="embed"].lr-unlinked', family: "ui", size: { times: 0.7 } },
  { selector: '[data-field="paywall"] p', family: "text", size: { times: 1 }, weight: 600 },
  { selector: "blockquote", family: "text", size: { times: 1 }, italic: true },
  { selector: "blockquote cite", family: "text", size: { times: 1 } },
];

/** A screen this narrow is a phone's: the view's margins, and some faces, step down. */
export const PHONE = "(max-width: 600px)";

const times = (n: number) => `calc(var(--lr-size, 20px) * ${n})`;

function faceRule(face: Face): string {
  const family = face.family === "text" ? "var(--lr-font)" : SANS;
  const size = "px" in face.size ? `${face.size.px}px` : times(face.size.times);
  const rule = `${face.selector} { font-family: ${family}; font-size: ${size}; font-weight: ${face.weight ?? 400}; font-style: ${face.italic ? "italic" : "normal"}; }`;
  const phone = "phone" in face.size && face.size.phone ? `\n@media ${PHONE} { ${face.selector} { font-size: ${times(face.size.phone)}; } }` : "";
  return rule + phone;
}

function vars(p: Palette): string {
  return `--lr-bg: ${p.bg}; --lr-fg: ${p.fg}; --lr-muted: ${p.muted}; --lr-link: ${p.link}; --lr-rule: ${p.rule}; --lr-panel: ${p.panel}; color-scheme: ${p.scheme};`;
}

/**
 * Touch (Firefox for Android, and any touch screen): buttons, the popover's choices, the player's
 * controls and the links that stand alone (a note's, the original article's, the paywall's) are
 * at least 44 px tall (WCAG 2.5.5), and the toolbar stays one row of them down to 320 px. The
 * links get their height from padding that a negative margin takes back, so no line moves. 100dvh:
 * a phone's screen without the browser's own bars, where the browser knows it.
 *
 * Inside the shadow root. The :host rules are !important because a shadow host is styled by
 * the page too, and only an !important declaration from inside the shadow tree beats the page's
 * own !important rules: nothing the page says can move, hide or restyle the view.
 */
export const VIEW_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
}
.lr-root {
  ${vars(PALETTES.light)}
  --lr-font: ${SERIF};
  position: absolute;
  inset: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  /* Keeps what scrolls into view or takes focus from hiding under the sticky toolbar (WCAG 2.4.11). */
  scroll-padding-top: 64px;
  background: var(--lr-bg);
  color: var(--lr-fg);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
.lr-root[data-theme="sepia"] { ${vars(PALETTES.sepia)} }
.lr-root[data-theme="dark"] { ${vars(PALETTES.dark)} }
@media (prefers-color-scheme: dark) {
  .lr-root[data-theme="system"] { ${vars(PALETTES.dark)} }
}
.lr-root[data-font="sans"] { --lr-font: ${SANS}; }
${FACES.map(faceRule).join("\n")}
/* Only the text fades in; the backdrop is opaque from the first frame, so the page never shows through. */
@media (prefers-reduced-motion: no-preference) {
  article { animation: lr-fade-in 160ms ease-out; }
  .lr-status { transition: opacity 200ms; }
  .lr-bar { transition: transform 200ms ease; }
}
@keyframes lr-fade-in { from { opacity: 0; transform: translateY(6px); } }

/* The toolbar: one row of icons over the text column, out of the way while the reader reads on. */
.lr-bar {
  position: sticky;
  top: 0;
  z-index: 1;
  background: var(--lr-bg);
  border-bottom: 1px solid var(--lr-rule);
  line-height: 1.3;
}
.lr-bar[data-hidden] { transform: translateY(-100%); }
.lr-bar-row {
  box-sizing: content-box;
  max-width: var(--lr-column);
  margin: 0 auto;
  padding: 5px 24px;
  display: flex;
  align-items: center;
  gap: 2px;
}
/* The icons' edges, not their buttons', line up with the text. */
.lr-bar-row > :first-child { margin-inline-start: -8px; }
.lr-bar-row > :last-child { margin-inline-end: -8px; }
.lr-status { flex: 1; min-width: 0; padding: 0 8px; color: var(--lr-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lr-status:empty { opacity: 0; }
button {
  font: inherit;
  color: inherit;
  background: transparent;
  border: 1px solid transparent;
  border-radius: 8px;
  min-height: 44px;
  min-width: 44px;
  padding: 4px 10px;
  cursor: pointer;
}
button:hover { background: var(--lr-panel); }
.lr-icon-button { display: inline-grid; place-items: center; padding: 0; }
.lr-icon-button svg { width: 22px; height: 22px; fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
button[aria-disabled="true"] { cursor: default; opacity: 0.5; }
button[aria-expanded="true"] { background: var(--lr-panel); border-color: var(--lr-rule); }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--lr-link); outline-offset: 2px; }
/* In running text a thin ring that stays inside the line gap, so it hides no letters of the lines around it. */
article a:focus-visible { outline-width: 2px; outline-offset: 1px; border-radius: 2px; }
/* The dialog takes focus on open only so that Tab starts at the toolbar and screen readers at the title. */
.lr-root:focus-visible { outline: none; }

/* A popover hangs from its button, so it opens in view wherever the reader has scrolled to. */
.lr-anchor { position: relative; }
.lr-popover {
  position: absolute;
  top: calc(100% + 6px);
  inset-inline-end: 0;
  box-sizing: border-box;
  max-height: calc(100vh - 72px);
  max-height: calc(100dvh - 72px);
  overflow-y: auto;
  padding: 12px;
  background: var(--lr-bg);
  color: var(--lr-fg);
  border: 1px solid var(--lr-rule);
  border-radius: 10px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
}
.lr-popover[hidden] { display: none; }
.lr-menu { display: grid; min-width: 13em; padding: 6px; }
.lr-menu button { text-align: start; white-space: nowrap; }
.lr-settings { display: grid; gap: 14px; width: min(23rem, calc(100vw - 32px)); }
fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
legend { padding: 0; margin-bottom: 6px; }
.lr-choices { display: flex; flex-wrap: wrap; gap: 4px 14px; }
label { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; cursor: pointer; }
input[type="radio"], input[type="checkbox"] { accent-color: var(--lr-link); margin: 0; width: 18px; height: 18px; }
.lr-stepper { display: flex; align-items: center; gap: 8px; }
.lr-stepper button { border-color: var(--lr-rule); }
.lr-stepper output { min-width: 4.5em; text-align: center; font-variant-numeric: tabular-nums; }

article {
  box-sizing: content-box;
  max-width: var(--lr-column);
  margin: 0 auto;
  padding: 32px 24px 96px;
  line-height: var(--lr-spacing, 1.6);
  overflow-wrap: break-word;
}
header { margin-bottom: 2em; }
/* Blocks added after the first screen (index.ts) are laid out only as the reader nears them. */
.lr-later { content-visibility: auto; contain-intrinsic-size: auto 4em; }
[data-field="site"] { margin: 0 0 0.5em; letter-spacing: 0.06em; text-transform: uppercase; color: var(--lr-muted); }
h1, h2, h3 { hyphens: manual; text-wrap: pretty; }
h1 { margin: 0 0 0.45em; line-height: 1.15; }
h2 { margin: 1.5em 0 0.45em; line-height: 1.25; }
h3 { margin: 1.3em 0 0.35em; line-height: 1.3; }
[data-field="intro"] { margin: 0 0 0.9em; line-height: 1.45; }
.lr-meta { margin: 0; line-height: 1.6; color: var(--lr-muted); }
/*
 * Each item stays whole and the line breaks between them ("· 1 / min lezen" no more), after a
 * separator rather than before one; a byline longer than the line still wraps. The separator is
 * outside the link's box, so its underline stays off it.
 */
.lr-meta > * { display: inline-block; max-width: 100%; }
.lr-meta > :not(:last-child) { margin-inline-end: 0.45em; }
.lr-meta > :not(:last-child)::after { content: "·"; display: inline-block; margin-inline-start: 0.45em; color: var(--lr-muted); text-decoration: none; }
p { margin: 0 0 1em; }
a { color: var(--lr-link); text-underline-offset: 0.15em; }
aside a, [data-field="original"], [data-field="paywall"] a { --lr-pad: max(0px, calc(22px - 0.7em)); display: inline-block; padding-block: var(--lr-pad); margin-block: calc(-1 * var(--lr-pad)); }
figure { margin: 1.6em 0; }
/* The column's width and a 3:2 shape until the photo loads and gives its own: no jump when it arrives (size-estimate.ts counts on it). */
img { display: block; width: 100%; height: auto; aspect-ratio: auto 3 / 2; object-fit: contain; margin: 0 auto; border-radius: 2px; background: var(--lr-panel); }
figcaption { margin-top: 0.5em; line-height: 1.45; color: var(--lr-muted); hyphens: manual; }
figcaption span + small { margin-inline-start: 0.4em; }
aside[data-block="embed"] { margin: 1.2em 0; line-height: 1.4; color: var(--lr-muted); hyphens: manual; }
aside[data-block="embed"] p { margin: 0; }
aside[data-block="embed"] + aside[data-block="embed"] { margin-top: -0.6em; }
.lr-root[data-unlinked-notes="hidden"] .lr-unlinked { display: none; }
[data-field="paywall"] { margin: 2em 0 0; padding-top: 1em; border-top: 1px solid var(--lr-rule); }
[data-field="paywall"] p { margin: 0 0 0.4em; }
.lr-live { margin: 1em 0 0; }
.lr-top { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 1; box-shadow: 0 1px 4px rgb(0 0 0 / 0.25); }
.lr-top[hidden] { display: none; }
.lr-player:not([hidden]) ~ .lr-top { inset-block-end: 88px; }
blockquote { margin: 1.6em 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--lr-rule); }
blockquote p:last-child { margin-bottom: 0; }
blockquote cite { color: var(--lr-muted); }
ul, ol { margin: 0 0 1em; padding-inline-start: 1.4em; }
li + li { margin-top: 0.3em; }

/*
 * A column narrower than its measure (a phone, or large text on a small screen) leaves gaps
 * after long Dutch compounds: there, and only there, words are hyphenated. Only long words,
 * and not a syllable or two off either end: otherwise every other line ended in a hyphen. On a
 * full measure it is not needed, and it cost the first frame about 1 ms (bench:browser).
 */
@media (max-width: 700px) {
  article { hyphens: auto; -webkit-hyphens: auto; hyphenate-limit-chars: 10 4 4; }
}
@media ${PHONE} {
  .lr-bar-row { padding: 5px 16px; }
  article { padding: 20px 16px 64px; }
  header { margin-bottom: 1.5em; }
}
@media print {
  :host { position: static !important; }
  .lr-root { ${vars(PALETTES.light)} position: static; overflow: visible; background: #fff; color: #000; }
  .lr-bar, aside[data-block="embed"], .lr-live, .lr-top, .lr-player { display: none !important; }
  /* !important: the reader's size is set on the element itself. The column follows it, so the printout keeps the measure. */
  .lr-root { --lr-size: 12pt !important; }
  article { padding: 0; line-height: 1.5; animation: none; }
  .lr-later { content-visibility: visible; }
  a { color: inherit; }
  [data-field="original"]::after { content: " (" attr(href) ")"; }
  figure, blockquote, li { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  img { max-height: 12cm; }
}
`;

/**
 * The one thing the view adds to the page itself, removed again on close: while the view is
 * open the page behind it does not scroll, and a printout holds only the view. A stylesheet
 * rather than an inline style on <html> leaves every page node exactly as it was.
 */
export const PAGE_CSS = `
@media not print {
  :root:root { overflow: hidden !important; }
}
@media print {
  :root:root { overflow: visible !important; }
  :root:root > :not([data-leesrust="view"]) { display: none !important; }
}
`;
