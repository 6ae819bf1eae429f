import { describe, expect, it } from "vitest";
import { PAGE_CSS, PALETTES, VIEW_CSS } from "../../src/inject/view/styles";

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("themes", () => {
  for (const [name, p] of Object.entries(PALETTES)) {
    it(`${name}: every text colour meets WCAG AA on every background`, () => {
      for (const bg of [p.bg, p.panel]) {
        for (const fg of [p.fg, p.muted, p.link]) {
          expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });
  }
});

describe("view CSS", () => {
  it("pins the host over the page whatever the page's CSS says", () => {
    expect(VIEW_CSS).toMatch(/:host \{[^}]*all: initial !important;[^}]*position: fixed !important;[^}]*z-index: 2147483647 !important;/);
  });

  it("follows the system's dark mode in the system theme", () => {
    expect(VIEW_CSS).toContain(`@media (prefers-color-scheme: dark) {\n  .lr-root[data-theme="system"] { --lr-bg: ${PALETTES.dark.bg};`);
  });

  it("animates only for readers who have not asked for reduced motion", () => {
    const outside = VIEW_CSS.replace(/@media \(prefers-reduced-motion: no-preference\) \{(?:[^{}]*\{[^}]*\})*\s*\}/, "");
    expect(outside).not.toMatch(/animation: lr-|transition:/);
    expect(VIEW_CSS).toContain("article { animation: lr-fade-in");
  });

  it("prints only the article: toolbar, notes and players hidden in the view, everything but the view hidden in the page", () => {
    expect(VIEW_CSS).toMatch(/@media print \{[\s\S]*\.lr-bar, aside\[data-block="embed"\], \.lr-live, \.lr-top, \.lr-player \{ display: none !important; \}/);
    // By the view's mark, not its id: a page node with that id is the page's, and printed as the page prints it.
    expect(PAGE_CSS).toMatch(/@media print \{[\s\S]*:root:root > :not\(\[data-leesrust="view"\]\) \{ display: none !important; \}/);
    expect(PAGE_CSS).toMatch(/@media not print \{\s*:root:root \{ overflow: hidden !important; \}/);
  });
});
