/**
 * Keeps the reader's place while the view changes above or below it: what is at the top of
 * the screen is measured before the change and put back after it, by setting scrollTop. The
 * browsers' own scroll anchoring (overflow-anchor) would do the same in most cases, but it picks
 * its own anchor, may not apply to the view's scroller, and is switched off by many pages'
 * styles; this way the place is kept the same in every browser, and tests can hold it to that.
 */

export interface Place {
  element: Element;
  /** Its top relative to the scroller's, px. */
  top: number;
}

/**
 * The first of `elements` (in the order they stand on screen) that reaches below the top of the
 * scroller: what the reader has at the top of the screen. Found by bisection, so a view of
 * hundreds of blocks reads a handful of boxes.
 */
export function placeOnScreen(scroller: Element, elements: readonly Element[]): Place | null {
  const top = scroller.getBoundingClientRect().top;
  let low = 0;
  let high = elements.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    // A block that is not laid out (a hidden note) has no place: the next one that is decides.
    let at = mid;
    let box = elements[at]!.getBoundingClientRect();
    while (box.width === 0 && box.height === 0 && at < high) box = elements[++at]!.getBoundingClientRect();
    if ((box.width > 0 || box.height > 0) && box.bottom > top) {
      found = at;
      high = mid - 1;
    } else low = at + 1;
  }
  if (found < 0) return null;
  const element = elements[found]!;
  return { element, top: element.getBoundingClientRect().top - top };
}

/** Scrolls so that `element` (the place's own, or what took its place) stands where the place was. */
export function restorePlace(scroller: Element, place: Place, element: Element = place.element): void {
  const shift = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - place.top;
  if (Math.abs(shift) >= 0.5) scroller.scrollTop += shift;
}
