/**
 * The toolbar steps aside while the reader reads on and comes back as soon as they scroll back
 * up or move focus into it, the way a phone's browser bar does: on a phone its 50 px are worth
 * two lines of text.
 */

/** Scrolls shorter than this (px) change nothing: a resting finger or a trackpad's jitter. */
const JITTER_PX = 12;
/** Near the top the toolbar always shows. */
const TOP_PX = 80;

/** `keep`: the toolbar must stay (a popover of it is open, or focus is in it). */
export function hideOnScrollDown(scroller: HTMLElement, bar: HTMLElement, keep: () => boolean): void {
  let last = scroller.scrollTop;
  scroller.addEventListener(
    "scroll",
    () => {
      const top = scroller.scrollTop;
      if (Math.abs(top - last) < JITTER_PX) return;
      const hide = top > last && top > TOP_PX && !keep();
      last = top;
      bar.toggleAttribute("data-hidden", hide);
    },
    { passive: true },
  );
  bar.addEventListener("focusin", () => bar.removeAttribute("data-hidden"));
}
