/**
 * Photo series (carousels) by what they are: photos beside slide controls ("Vorige slide",
 * "Slide 2 (actief)", a tablist of slides), whatever their roles and classes. Every slide is one
 * of the article's photos, also the slides hidden from screen readers until they are shown; the
 * controls and the counter are no text. A caption printed once for the series goes with the
 * photo it is printed under, the last.
 */
import type { FigureBlock } from "./article";
import { figureOf, isLiveImg } from "./figures";
import { CAROUSEL, CAROUSEL_SLIDE, SLIDE_CONTROL_LABEL, SLIDE_CONTROLS, SLIDE_COUNTER } from "./site-rules";
import { attrOf, childElementsOf, closestTag, compileSelector, findAllDescendants, findDescendant, first } from "./selectors";
import { isSkippedElement, normalizeText, textOf } from "./text";

const isCarousel = compileSelector(CAROUSEL);
const isSlideRole = compileSelector(CAROUSEL_SLIDE);
const mayControl = compileSelector(SLIDE_CONTROLS);
/** More text than this beside the photos is an article part, not a series with its caption. */
const SERIES_TEXT = 400;

function isControl(el: Element): boolean {
  if (!mayControl(el)) return false;
  return SLIDE_CONTROL_LABEL.test(normalizeText(attrOf(el, "aria-label") ?? el.textContent ?? ""));
}

/** One element per photo: the slides the page marks, else each img's largest box holding no other photo. */
function slidesOf(root: Element): Element[] {
  const marked = findAllDescendants(root, isSlideRole);
  if (marked.length) return marked;
  const imgs = findAllDescendants(root, isLiveImg).filter((img) => !controlAround(img, root));
  return imgs.map((img) => {
    let slide = img;
    while (slide.parentElement && slide.parentElement !== root && imgs.every((other) => other === img || !slide.parentElement!.contains(other))) {
      slide = slide.parentElement;
    }
    return slide;
  });
}

function controlAround(el: Element, root: Element): boolean {
  for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement) if (isControl(cur)) return true;
  return false;
}

/** The text blocks of a series outside its slides and controls: its own caption, or one caption per slide. */
function captionsBeside(root: Element, slides: Element[]): Element[] {
  const found: Element[] = [];
  const stack = childElementsOf(root).reverse();
  while (stack.length) {
    const el = stack.pop()!;
    if (slides.includes(el) || isControl(el) || isSkippedElement(el)) continue;
    if (slides.some((slide) => el.contains(slide)) || findDescendant(el, isControl)) {
      stack.push(...childElementsOf(el).reverse());
      continue;
    }
    const text = textOf(el);
    if (text && !SLIDE_COUNTER.test(text)) found.push(el);
  }
  return found;
}

/**
 * The series' own caption (a figcaption, a line after the tablist). A block hidden from screen
 * readers beside the slides repeats their captions: none.
 */
function seriesCaption(root: Element, slides: Element[]): Element | null {
  return captionsBeside(root, slides).find((el) => attrOf(el, "aria-hidden") !== "true") ?? null;
}

/** The series a control belongs to: the marked carousel around it, else the nearest box around it holding photos. */
function seriesRoot(control: Element, body: Element): Element | null {
  let root: Element | null = null;
  for (let cur = control.parentElement; cur && cur !== body; cur = cur.parentElement) {
    if (isCarousel(cur)) return cur;
    if (!root && findDescendant(cur, isLiveImg)) root = cur;
  }
  if (!root) return null;
  const caption = seriesCaption(root, slidesOf(root));
  return caption && textOf(caption).length > SERIES_TEXT ? null : root;
}

/** Finds the photo series of a body, shown its elements in document order (BodyWalker's one pass). */
export class PhotoSeries {
  private readonly found: Element[] = [];
  /** Every slide control in the body, also those of a series without a photo left: never text. */
  readonly controls: Element[] = [];

  constructor(private readonly body: Element) {}

  visit(el: Element): void {
    const control = isControl(el);
    if (control) this.controls.push(el);
    // The other controls of a series already found belong to it.
    const root = isCarousel(el) ? el : control && !this.found.some((found) => found.contains(el)) ? seriesRoot(el, this.body) : null;
    if (!root) return;
    const figure = closestTag(root, "figure");
    this.found.push(figure && this.body.contains(figure) && figure !== this.body ? figure : root);
  }

  /** Each series as the outermost element to read as one (a figure around a carousel included). */
  roots(): Set<Element> {
    return new Set(this.found.filter((root) => !this.found.some((other) => other !== root && other.contains(root))));
  }
}

/** One figure per slide, hidden ones included; the series' caption with the last photo if it has none of its own. */
export function seriesFigures(root: Element, base: string | null): FigureBlock[] {
  const slides = slidesOf(root);
  // Captions shown one at a time beside the slides, each hidden but the active slide's: one per slide, in order.
  const beside = captionsBeside(root, slides).filter((el) => attrOf(el, "aria-hidden") !== null);
  const paired = beside.length === slides.length && slides.every((slide) => !textOf(slide)) ? beside : null;
  const figures = slides.map((slide, i) => figureOf(slide, paired?.[i] ?? first(slide, "figcaption") ?? slide, base));
  if (paired) return figures.filter((f): f is FigureBlock => f !== null);
  const caption = seriesCaption(root, slides);
  const last = figures.length - 1;
  if (caption && last >= 0 && !figures[last]?.caption && !figures[last]?.credit) {
    figures[last] = figureOf(slides[last]!, caption, base);
  }
  return figures.filter((f): f is FigureBlock => f !== null);
}
