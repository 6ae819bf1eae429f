/**
 * The toolbar's icons: line drawings on a 24-unit grid, made as SVG elements from fixed path
 * data (no files to load, no markup parsed), drawn in the text colour by the view's CSS.
 */

/** One icon: the `d` of each of its strokes. */
export type Icon = readonly string[];

export const ICONS = {
  close: ["M6 6l12 12", "M18 6L6 18"],
  copy: ["M8.5 8.5h10v11.5h-10z", "M5.5 15.5V4h10"],
  print: ["M7 9V3.5h10V9", "M7 17.5H4V9.5h16v8h-3", "M7 14h10v6.5H7z"],
  // "Aa": the type settings.
  display: ["M2.5 19L8 5l5.5 14", "M4.6 13.8h6.8", "M21 11.5V19", "M21 15.5a3 3 0 1 1-6 0a3 3 0 1 1 6 0"],
  // A speaker, for reading aloud.
  speaker: ["M4 9.5h3.5L12 5.5v13l-4.5-4H4z", "M15.5 9a4.5 4.5 0 0 1 0 6", "M18.2 6.3a8.3 8.3 0 0 1 0 11.4"],
} as const satisfies Record<string, Icon>;

const SVG = "http://www.w3.org/2000/svg";

/** The icon as an inline SVG, hidden from assistive technology (its button carries the label). */
export function iconElement(icon: Icon): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const d of icon) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}
