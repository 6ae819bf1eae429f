/**
 * A liveblog in the view: its moments are headings that start with a time ("22:58 Zwembad vol").
 * The view offers a jump to the newest moment and back to the top; which end is newest follows
 * from the times themselves, since some titles list moments newest first and others oldest first.
 */
import type { Block } from "../../core/article";
import { h } from "./dom";
import type { Translate } from "./translate";

const MOMENT = /^([01]?\d|2[0-3])[:.]([0-5]\d)\b/;
/** Fewer timed headings than this is an article with a timeline, not a liveblog. */
const MIN_MOMENTS = 3;

/** The index (in `blocks`) of the newest moment's heading, or null when the article is no liveblog. */
export function newestMoment(blocks: readonly Block[]): number | null {
  const moments: { index: number; minutes: number }[] = [];
  blocks.forEach((block, index) => {
    const match = block.type === "heading" ? MOMENT.exec(block.text.trim()) : null;
    if (match) moments.push({ index, minutes: Number(match[1]) * 60 + Number(match[2]) });
  });
  if (moments.length < MIN_MOMENTS) return null;
  const [first, last] = [moments[0]!, moments.at(-1)!];
  return first.minutes >= last.minutes ? first.index : last.index;
}

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
