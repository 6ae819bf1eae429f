/**
 * Has the browser find and shape the view's faces before the view is shown. The first time a
 * page lays out text in a face it has not used, the browser looks the family up (on Linux a
 * round trip to the browser process for each size and weight) and shapes each word; measuring
 * the same text on a canvas goes through the same font caches. A view built while the popup is
 * open can do that then, which leaves its first frame only the layout itself: on the seed page
 * in Chromium the first frame's layout went from about 3.4 to 1.1 ms, its font lookups from
 * 0.8 ms to under 0.1, and the frame from about 15 to 7–8 ms after the switch. The warm-up
 * itself takes about 5 ms, while the reader is still in the popup.
 *
 * Nothing is drawn and nothing reaches the page: the canvas is never inserted, and the faces
 * are system fonts, which load nothing.
 */
import type { ViewSettings } from "../../shared/settings";
import { FACES, PHONE, SANS, SERIF, type Face } from "./styles";

/** The face FACES gives `el` itself (the last that matches), if any. */
function ownFace(el: Element): Face | undefined {
  for (let i = FACES.length - 1; i >= 0; i--) if (el.matches(FACES[i]!.selector)) return FACES[i];
  return undefined;
}

function canvasFont(face: Face, settings: ViewSettings, phone: boolean): string {
  const family = face.family === "ui" || settings.font === "sans" ? SANS : SERIF;
  const px = "px" in face.size ? face.size.px : Math.round(((phone && face.size.phone) || face.size.times) * settings.size * 100) / 100;
  return `${face.italic ? "italic " : ""}${face.weight ?? 400} ${px}px ${family}`;
}

/** Measures the text under `root` (a view not yet on the page) in the face each piece of it will be set in. */
export function warmFaces(root: Element, settings: ViewSettings): void {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return;
  const phone = typeof matchMedia === "function" && matchMedia(PHONE).matches;
  const faceOf = new Map<Element, Face | undefined>();
  const textIn = new Map<Face, string>();
  // Document order: a parent's face is known before its children inherit it.
  for (const el of [root, ...root.querySelectorAll("*")]) {
    const face = ownFace(el) ?? (el.parentElement ? faceOf.get(el.parentElement) : undefined);
    faceOf.set(el, face);
    if (!face) continue;
    let text = textIn.get(face) ?? "";
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) text += ` ${(node as Text).data}`;
    }
    textIn.set(face, text);
  }
  for (const [face, text] of textIn) {
    if (!text.trim()) continue;
    context.font = canvasFont(face, settings, phone);
    context.measureText(text);
  }
}
