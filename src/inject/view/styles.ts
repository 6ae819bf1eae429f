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
  light: { bg: "#ffffff", fg: "#1b1b1b", muted: "#565656", link: "#0b57a4", rule: "#c9c9c9", panel: "#f2f2f3", scheme: "light" },
  sepia: { bg: "#f6efdf", fg: "#34291c", muted: "#5d4a33", link: "#8a3a00", rule: "#d6c6a4", panel: "#ece2ca", scheme: "light" },
  dark: { bg: "#18191b", fg: "#e6e4e0", muted: "#aeaaa4", link: "#8fbcff", rule: "#45474b", panel: "#25272a", scheme: "dark" },
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
  /** A multiple of the reader's text size, or a fixed size in px. */
  size: { times: number } | { px: number };
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
  { selector: ".lr-bar, .lr-settings, .lr-player, .lr-live", family: "ui", size: { px: 15 } },
  { selector: "legend", family: "ui", size: { px: 15 }, weight: 600 },
  { selector: "article", family: "text", size: { times: 1 } },
  // The small print above and below the title shares one face: each further face or size is another font load on the way to the first frame.
  { selector: '[data-field="site"], .lr-meta', family: "ui", size: { times: 0.75 } },
  { selector: "h1", family: "text", size: { times: 1.9 }, weight: 700 },
  { selector: "h2", family: "text", size: { times: 1.3 }, weight: 700 },
  { selector: "h3", family: "text", size: { times: 1.1 }, weight: 700 },
  { selector: '[data-field="intro"]', family: "text", size: { times: 1.12 }, weight: 600 },
  { selector: "figcaption, figcaption small", family: "ui", size: { times: 0.78 } },
  { selector: 'aside[data-block="embed"]', family: "ui", size: { times: 0.82 } },
  { selector: ".lr-embed-title", family: "ui", size: { times: 0.82 }, weight: 600 },
  { selector: '[data-field="paywall"] p', family: "text", size: { times: 1 }, weight: 600 },
  { selector: "blockquote", family: "text", size: { times: 1 }, italic: true },
  { selector: "blockquote cite", family: "text", size: { times: 1 } },
];

function faceRule(face: Face): string {
  const family = face.family === "text" ? "var(--lr-font)" : SANS;
  const size = "px" in face.size ? `${face.size.px}px` : `calc(var(--lr-size, 20px) * ${face.size.times})`;
  return `${face.selector} { font-family: ${family}; font-size: ${size}; font-weight: ${face.weight ?? 400}; font-style: ${face.italic ? "italic" : "normal"}; }`;
}

function vars(p: Palette): string {
  return `--lr-bg: ${p.bg}; --lr-fg: ${p.fg}; --lr-muted: ${p.muted}; --lr-link: ${p.link}; --lr-rule: ${p.rule}; --lr-panel: ${p.panel}; color-scheme: ${p.scheme};`;
}

/**
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
}
@keyframes lr-fade-in { from { opacity: 0; transform: translateY(6px); } }

.lr-bar {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px;
  padding: 8px 16px;
  background: var(--lr-bg);
  border-bottom: 1px solid var(--lr-rule);
  line-height: 1.3;
}
.lr-bar .lr-status { margin-inline-start: auto; color: var(--lr-muted); }
.lr-status:empty { opacity: 0; }
button {
  font: inherit;
  color: inherit;
  background: var(--lr-panel);
  border: 1px solid var(--lr-rule);
  border-radius: 6px;
  min-height: 36px;
  min-width: 36px;
  padding: 4px 12px;
  cursor: pointer;
}
button:hover { border-color: var(--lr-muted); }
button[aria-disabled="true"] { cursor: default; opacity: 0.55; }
button[aria-expanded="true"] { border-color: var(--lr-fg); }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--lr-link); outline-offset: 2px; border-radius: 3px; }
/* The title takes focus on open only so screen readers start there; it is not a control. */
h1:focus-visible { outline: none; }

.lr-settings {
  display: flex;
  flex-wrap: wrap;
  gap: 12px 40px;
  padding: 12px 16px 16px;
  background: var(--lr-panel);
  border-bottom: 1px solid var(--lr-rule);
  line-height: 1.3;
}
.lr-settings[hidden] { display: none; }
fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
legend { padding: 0; margin-bottom: 6px; }
.lr-choices { display: flex; flex-wrap: wrap; gap: 4px 12px; }
.lr-choices label { display: inline-flex; align-items: center; gap: 4px; min-height: 32px; cursor: pointer; }
input[type="radio"] { accent-color: var(--lr-link); margin: 0; width: 18px; height: 18px; }
.lr-stepper { display: flex; align-items: center; gap: 8px; }
.lr-stepper output { min-width: 6ch; text-align: center; font-variant-numeric: tabular-nums; }

article {
  box-sizing: content-box;
  max-width: var(--lr-width, 66ch);
  margin: 0 auto;
  padding: 40px 24px 96px;
  line-height: var(--lr-spacing, 1.6);
  overflow-wrap: break-word;
}
header { margin-bottom: 2em; }
/* Blocks added after the first screen (index.ts) are laid out only as the reader nears them. */
.lr-later { content-visibility: auto; contain-intrinsic-size: auto 4em; }
[data-field="site"] { margin: 0 0 0.5em; letter-spacing: 0.06em; text-transform: uppercase; color: var(--lr-muted); }
h1 { margin: 0 0 0.5em; line-height: 1.15; }
h2 { margin: 1.6em 0 0.5em; line-height: 1.25; }
h3 { margin: 1.4em 0 0.4em; line-height: 1.3; }
[data-field="intro"] { margin: 0 0 1em; }
.lr-meta { margin: 0; line-height: 1.5; color: var(--lr-muted); }
/* inline-block keeps the link's underline off the separator. */
.lr-meta > * + *::before { content: "·"; display: inline-block; margin: 0 0.45em; color: var(--lr-muted); }
p { margin: 0 0 1em; }
a { color: var(--lr-link); text-underline-offset: 0.15em; }
figure { margin: 1.6em 0; }
/* The column's width and a 3:2 shape until the photo loads and gives its own: no jump when it arrives (size-estimate.ts counts on it). */
img { display: block; width: 100%; height: auto; aspect-ratio: auto 3 / 2; object-fit: contain; margin: 0 auto; border-radius: 2px; background: var(--lr-panel); }
figcaption { margin-top: 0.5em; line-height: 1.45; color: var(--lr-muted); }
figcaption small { white-space: nowrap; }
figcaption span + small { margin-inline-start: 0.4em; }
aside[data-block="embed"] {
  margin: 1.6em 0;
  padding: 0.8em 1em;
  border-inline-start: 4px solid var(--lr-rule);
  background: var(--lr-panel);
  line-height: 1.5;
}
aside[data-block="embed"] p { margin: 0 0 0.4em; }
aside[data-block="embed"] p:last-child { margin-bottom: 0; }
.lr-embed-hint { color: var(--lr-muted); }
[data-field="paywall"] { margin: 2em 0 0; padding-top: 1em; border-top: 1px solid var(--lr-rule); }
[data-field="paywall"] p { margin: 0 0 0.4em; }
.lr-live { margin: 1em 0 0; }
.lr-top { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 1; box-shadow: 0 1px 4px rgb(0 0 0 / 0.25); }
.lr-top[hidden] { display: none; }
.lr-player:not([hidden]) ~ .lr-top { inset-block-end: 88px; }
blockquote { margin: 1.6em 0; padding-inline-start: 1em; border-inline-start: 4px solid var(--lr-rule); }
blockquote p:last-child { margin-bottom: 0; }
blockquote cite { color: var(--lr-muted); }
ul, ol { margin: 0 0 1em; padding-inline-start: 1.4em; }
li + li { margin-top: 0.3em; }

@media (max-width: 600px) {
  article { padding: 24px 16px 64px; }
  h1 { font-size: calc(var(--lr-size, 20px) * 1.6); }
}
@media print {
  :host { position: static !important; }
  .lr-root { ${vars(PALETTES.light)} position: static; overflow: visible; background: #fff; color: #000; }
  .lr-bar, .lr-settings { display: none !important; }
  .lr-live, .lr-top, .lr-player { display: none !important; }
  /* !important: the reader's size is set on the element itself. */
  .lr-root { --lr-size: 12pt !important; }
  article { max-width: none; padding: 0; line-height: 1.5; animation: none; }
  .lr-later { content-visibility: visible; }
  a { color: inherit; }
  [data-field="original"]::after { content: " (" attr(href) ")"; }
  figure, blockquote, aside, li { break-inside: avoid; }
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
