/**
 * The text column's width, true in characters in every browser and font. A width in em or ch
 * is not: the fallback for "Georgia, serif" differs between browsers (on Debian, Chromium takes
 * Liberation Serif at 0.41 em a character and Firefox DejaVu Serif at 0.52 em; ch follows the
 * digit zero, 0.5 against 0.64 em), so `66ch` gave 74–85 characters a line in one and 839 px
 * in the other. The view measures how wide an average character of the reader's face is, once
 * per face, and sets the column as that many characters of the text size.
 */
import { LINE_CHARS, type ViewSettings } from "../../shared/settings";
import { SANS, SERIF } from "./styles";

/** Ordinary Dutch newspaper prose: its letters in their usual proportions, with spaces and punctuation. */
const SAMPLE =
  "De gemeente wil volgend jaar beginnen met het herstel van de kademuren, maar de kosten vallen hoger uit dan verwacht. " +
  "Bewoners krijgen een brief over de werkzaamheden, die naar verwachting twee jaar duren.";
/** Georgia's average character, for a browser that cannot measure (no OffscreenCanvas). */
const FALLBACK_EM = 0.46;
const MEASURE_PX = 100;

const measured = new Map<string, number>();

/** The average character width of `family` at weight 400, in em. */
function charWidthEm(family: string): number {
  let em = measured.get(family);
  if (em === undefined) {
    // An OffscreenCanvas is never part of the page, and jsdom has none (the fallback then).
    const context = typeof OffscreenCanvas === "function" ? new OffscreenCanvas(1, 1).getContext("2d") : null;
    if (context) context.font = `400 ${MEASURE_PX}px ${family}`;
    const width = context ? context.measureText(SAMPLE).width / SAMPLE.length / MEASURE_PX : NaN;
    // A face narrower or wider than any text face is a broken measurement, not a font.
    em = width > 0.3 && width < 0.8 ? Math.round(width * 1000) / 1000 : FALLBACK_EM;
    measured.set(family, em);
  }
  return em;
}

/** The column's width as a multiple of the text size (the custom property --lr-size). */
export function columnEms(settings: Pick<ViewSettings, "font" | "width">): number {
  return Math.round(LINE_CHARS[settings.width] * charWidthEm(settings.font === "sans" ? SANS : SERIF) * 100) / 100;
}
