/**
 * Tab and Shift+Tab wrap around inside the view, so keyboard focus cannot wander into the
 * page hidden behind it.
 */
const FOCUSABLE = "a[href], button, input, [tabindex]:not([tabindex='-1'])";

function tabbable(root: ShadowRoot): HTMLElement[] {
  // Only the checked radio of a group is a tab stop.
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest("[hidden]") && !el.matches("input[type='radio']:not(:checked)"),
  );
}

/** Call for every Tab keydown while the view is open. */
export function keepTabInside(root: ShadowRoot, event: KeyboardEvent): void {
  const items = tabbable(root);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = root.activeElement;
  const following = (el: Element) => active !== null && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const preceding = (el: Element) => active !== null && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  let target: HTMLElement | null = null;
  if (active === null) target = event.shiftKey ? last : first;
  else if (event.shiftKey && !items.some(preceding)) target = last;
  else if (!event.shiftKey && !items.some(following)) target = first;
  if (target) {
    event.preventDefault();
    target.focus();
  }
}
