/**
 * A liveblog in the view (its moments: moments.ts): a jump to the newest moment and back to the top.
 */
import { h } from "./dom";
import type { Translate } from "./translate";

export interface LiveblogNav {
  /** Goes after the article's header: the jump to the newest moment. */
  jump: HTMLElement;
  /** The way back to the top, shown once the reader has scrolled a screen down. */
  top: HTMLElement;
  /** Call on the view's scroll (cheap: one comparison, one attribute when it changes). */
  onScroll(scrollTop: number, viewportHeight: number): void;
}

export function createLiveblogNav(t: Translate, go: { newest(): void; top(): void }): LiveblogNav {
  const jump = h("p", { class: "lr-live" }, h("button", { type: "button", "data-action": "live-newest" }, t("view_live_newest")));
  const top = h("button", { type: "button", class: "lr-top", "data-action": "live-top", hidden: "" }, t("view_live_top"));
  jump.addEventListener("click", (event) => {
    if ((event.target as Element).closest("button")) go.newest();
  });
  top.addEventListener("click", () => go.top());
  return {
    jump,
    top,
    onScroll(scrollTop, viewportHeight) {
      const hidden = scrollTop < viewportHeight;
      if (top.hidden !== hidden) top.hidden = hidden;
    },
  };
}
