/**
 * The view following the page while it is open (live.js, loaded on the page's first change).
 * The content script reads the page again after its own mutations (page-watch.ts followPage)
 * and hands the view the article as it reads now. A liveblog takes it at once: its new moments
 * go in where the page put them (the newest end, whichever that is), an edited moment is
 * changed in place, a removed one goes, and blocks that did not change keep their nodes, so a
 * selection, a find in the page and read aloud are left alone. An ordinary article says in one
 * line that it was updated and takes the new text when the reader asks. Either way the reader's
 * place stays where it is (keep-place.ts).
 */
import type { Article, Block } from "../../core/article";
import type { h as makeElement } from "./dom";
import type { FormattedDate } from "./format-date";
import type { Translate } from "./translate";
import { blockKey, diffBlocks } from "./block-diff";
import { placeOnScreen, restorePlace, type Place } from "./keep-place";
import { MOMENT, newestMoment } from "./moments";
import { measure } from "../measure";

export interface LiveContext {
  t: Translate;
  /** The view's element maker (dom.ts), handed in as read aloud's is: the view's DOM rules stay one copy. */
  h: typeof makeElement;
  /** The view's scrolling box. */
  scroller: HTMLElement;
  /** The view's <article>, its header first. */
  article: HTMLElement;
  /** The article on screen; its blocks are all in `article` (the view has added its later ones). */
  shown: Article;
  /** What stays after the last block (the paywall note), or null. */
  end: Element | null;
  /** Elements for new blocks, made as the view makes its later ones. */
  render(blocks: Block[]): HTMLElement[];
  /** The dateline's "bijgewerkt" for an article. */
  updated(article: Article): FormattedDate | null;
  /** Takes the reader to an element, focus and all. */
  jump(element: HTMLElement): void;
  /** The view's other parts take the new article: copying, the jumps, read aloud. */
  applied(article: Article, elements: HTMLElement[]): void;
}

export interface LiveUpdates {
  refresh(article: Article): void;
  stop(): void;
}

/**
 * The notice's CSS, added to the view's shadow root with it: the reader bundle carries none of it.
 * Under the toolbar, centred: clear of the way back to the top and of the player at the bottom
 * edge; only the line itself takes clicks.
 */
export const LIVE_CSS = `
.lr-notice { position: fixed; inset-block-start: 64px; inset-inline: 16px; z-index: 1; display: flex; justify-content: center; pointer-events: none; }
.lr-notice:empty { display: none; }
.lr-notice p { margin: 0; padding: 6px 10px; background: var(--lr-panel); border: 1px solid var(--lr-rule); border-radius: 8px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.25); pointer-events: auto; }
`;

/**
 * A new reading with less than this share of the blocks on screen is held back for a moment:
 * a page that redraws its list in steps is empty in between, and the reader must not see the
 * moments go and come back.
 */
const SHRUNK = 0.5;
const CONFIRM_MS = 2000;

const momentTime = (block: Block): string | null => (block.type === "heading" ? (MOMENT.exec(block.text.trim())?.[0] ?? null) : null);

export function createLiveUpdates(ctx: LiveContext): LiveUpdates {
  const { t, h, scroller, article } = ctx;
  const header = article.querySelector("header");
  let shown = ctx.shown;
  let keys = shown.blocks.map(blockKey);
  let elements = [...article.querySelectorAll<HTMLElement>(":scope > [data-block]")];
  /** New moments' headings the reader has not been taken to yet. */
  let unseen: HTMLElement[] = [];
  /** An ordinary article's newer text, waiting for the reader's click. */
  let waiting: Article | null = null;
  let doubtful: ReturnType<typeof setTimeout> | undefined;
  let anchoring = 0;
  /** New moments' headings to look at in the next frame, and that frame's request. */
  let counting: HTMLElement[] = [];
  let count = 0;

  // Polite and there from the start, so that assistive technology reads each notice once as it comes.
  const notice = h("div", { class: "lr-notice", "aria-live": "polite", "data-field": "live-notice" });
  scroller.append(notice);

  function say(text: string, action: string, label: string, act: () => void) {
    const button = h("button", { type: "button", "data-action": action }, label);
    button.addEventListener("click", act);
    notice.replaceChildren(h("p", {}, text ? `${text} ` : "", button));
  }

  function showUnseen() {
    unseen = unseen.filter((el) => el.isConnected);
    if (unseen.length === 0) return notice.replaceChildren();
    const label = unseen.length === 1 ? t("view_live_new_one") : t("view_live_new", [String(unseen.length)]);
    say("", "live-new", label, () => {
      const first = unseen.reduce((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? b : a));
      unseen = [];
      notice.replaceChildren();
      ctx.jump(first);
    });
  }

  const onScreen = (el: Element, box = scroller.getBoundingClientRect()) => {
    const rect = el.getBoundingClientRect();
    return rect.height > 0 && rect.bottom > box.top && rect.top < box.bottom;
  };

  // Once the reader has scrolled to the new moments, the notice has said its piece.
  scroller.addEventListener(
    "scroll",
    () => {
      if (unseen.length === 0 || !unseen.some((el) => onScreen(el))) return;
      unseen = [];
      notice.replaceChildren();
    },
    { passive: true },
  );

  /** Whether the text changed. */
  function setText(selector: string, text: string | null): boolean {
    const el = header?.querySelector(selector);
    if (!el || text === null || el.textContent === text) return false;
    el.textContent = text;
    return true;
  }

  /** Whether anything in the header changed (its height may have). */
  function updateHeader(next: Article): boolean {
    const changed = [setText("h1", next.title), setText('[data-field="intro"]', next.intro), setText('[data-field="byline"]', next.byline)].includes(true);
    const updated = ctx.updated(next);
    if (!updated) return changed;
    let time = header?.querySelector('time[data-field="updated"]');
    if (!time) {
      time = h("time", { "data-field": "updated" });
      const published = header?.querySelector('time[data-field="published"]');
      if (published) published.after(time);
      else header?.querySelector(".lr-meta")?.prepend(time);
    }
    time.setAttribute("datetime", updated.datetime);
    const text = t("view_updated", [updated.text]);
    if (time.textContent === text) return changed;
    time.textContent = text;
    return true;
  }

  /** Puts the new reading on screen, the reader's place kept; returns the headings of the moments it added. */
  /**
   * The reader's place before a change, the header included (a reader at the top keeps the header
   * in view). The browser's own anchoring stays out of this one change, until the next frame: the
   * place is put back by hand.
   */
  function holdPlace(): Place | null {
    const place = placeOnScreen(scroller, header ? [header, ...elements] : elements);
    scroller.style.setProperty("overflow-anchor", "none");
    cancelAnimationFrame(anchoring);
    anchoring = requestAnimationFrame(() => scroller.style.removeProperty("overflow-anchor"));
    return place;
  }

  function apply(next: Article): HTMLElement[] {
    const nextKeys = next.blocks.map(blockKey);
    const { from, removed } = diffBlocks(keys, nextKeys);
    const place = holdPlace();

    const gone = new Set(removed);
    const removedTimes = new Set(removed.map((i) => momentTime(shown.blocks[i]!)).filter(Boolean));
    for (const i of removed) elements[i]!.remove();
    const fresh = ctx.render(next.blocks.filter((_, j) => from[j]! < 0));
    const placed: HTMLElement[] = new Array(next.blocks.length);
    const added: HTMLElement[] = [];
    let f = fresh.length;
    let following: Node | null = ctx.end && ctx.end.parentNode === article ? ctx.end : null;
    for (let j = next.blocks.length - 1; j >= 0; j--) {
      const kept = from[j]!;
      let el: HTMLElement;
      if (kept >= 0) el = elements[kept]!;
      else {
        el = fresh[--f]!;
        article.insertBefore(el, following);
        const time = momentTime(next.blocks[j]!);
        // An edited moment's heading keeps its time: it is no new moment.
        if (time && !removedTimes.has(time)) added.push(el);
      }
      placed[j] = el;
      following = el;
    }

    // The header's last-update time is above the reader's place too: changed before the place is put back.
    const headerChanged = updateHeader(next);
    // Only blocks in below the reader's place: nothing above it moved, and nothing needs measuring again.
    const below = !headerChanged && removed.length === 0 && place && from.indexOf(-1) > (place.element === header ? -1 : from.indexOf(elements.indexOf(place.element as HTMLElement)));
    if (place && !below) {
      let standIn: Element | undefined = place.element;
      const at = elements.indexOf(place.element as HTMLElement);
      if (at >= 0 && gone.has(at)) {
        // What now stands where the reader's block stood: the first block after the last one kept before it.
        let j = 0;
        for (let k = 0; k < from.length; k++) if (from[k]! >= 0 && from[k]! < at) j = k + 1;
        standIn = placed[j] ?? placed.at(-1);
      }
      if (standIn) restorePlace(scroller, place, standIn);
    }

    shown = next;
    keys = nextKeys;
    elements = placed;
    ctx.applied(next, elements);
    return added;
  }

  function refresh(next: Article) {
    const started = performance.now();
    clearTimeout(doubtful);
    if (next.blocks.length < shown.blocks.length * SHRUNK) {
      doubtful = setTimeout(() => take(next), CONFIRM_MS);
      return;
    }
    take(next);
    measure("leesrust:follow-apply", started);
  }

  function take(next: Article) {
    if (newestMoment(shown.blocks) !== null || newestMoment(next.blocks) !== null) {
      counting.push(...apply(next));
      // Moments that came in on screen (the reader at the newest end) need no notice. Looked at in
      // the next frame, which lays the new blocks out anyway: here it would take a layout of its own.
      count ||= requestAnimationFrame(() => {
        const box = scroller.getBoundingClientRect();
        unseen.push(...counting.filter((el) => !onScreen(el, box)));
        counting = [];
        count = 0;
        showUnseen();
      });
      return;
    }
    const changed = next.blocks.length !== keys.length || next.blocks.some((block, i) => blockKey(block) !== keys[i]);
    if (!changed) {
      // Only the header changed (a new update time, a retitled article): the blocks under it keep their place.
      waiting = null;
      notice.replaceChildren();
      shown = next;
      const place = holdPlace();
      if (updateHeader(next) && place) restorePlace(scroller, place);
      return ctx.applied(next, elements);
    }
    // Said once, however often the page changes again before the click: the click takes the newest.
    if (!waiting) {
      say(t("view_article_updated"), "article-update", t("view_article_update"), () => {
        notice.replaceChildren();
        if (waiting) apply(waiting);
        waiting = null;
      });
    }
    waiting = next;
  }

  return {
    refresh,
    stop() {
      clearTimeout(doubtful);
      cancelAnimationFrame(anchoring);
      cancelAnimationFrame(count);
    },
  };
}
