/**
 * The reading view: an overlay in its own closed shadow root over the page, built from the
 * Article model alone. The page can neither read the view nor act in it: the root is closed,
 * and every control and key acts only on the reader's own (trusted) events, never on a
 * script's click() or dispatched key. The page's own nodes are never touched; the one addition
 * to the page (a small stylesheet that stops it scrolling and keeps it out of a printout) goes
 * again on close, and scroll position and focus return to where they were.
 */
import type { Article, Block, EmbedBlock } from "../../core/article";
import { safeUrl } from "../../core/urls";
import { LINE_CHARS, type ViewSettings } from "../../shared/settings";
import { hideOnScrollDown } from "./bar-autohide";
import { createControls, type CopyFormat } from "./controls";
import { h } from "./dom";
import { embedNote } from "./embed-note";
import { keepTabInside } from "./focus-trap";
import { formatPublished, formatUpdated, monthNames } from "./format-date";
import { createLiveblogNav } from "./liveblog";
import { newestMoment } from "./moments";
import { readingMinutes } from "./reading-time";
import { firstScreenBlocks } from "./first-screen";
import { renderArticle, renderBlocks } from "./render-article";
import type { Translate } from "./translate";
import { renderPaywallNote } from "./paywall-note";
import { createReadAloudButton } from "./read-aloud-button";
import { loadCopyFormats, loadLive, loadReadAloud } from "./load-module";
import type { LiveUpdates } from "./live";
import { measureColumn, reserveSpace } from "./size-estimate";
import { PAGE_CSS, VIEW_CSS } from "./styles";
import { columnEms } from "./text-column";
import { warmFaces } from "./warm-faces";
import { OWN_MARK } from "../own-mark";

export interface ReadingViewOptions {
  settings: ViewSettings;
  t: Translate;
  onClose: () => void;
  /** Settles once the change is stored (or a later one is); a rejection tells the reader it was not. */
  onSettingsChange: (settings: ViewSettings) => Promise<void> | void;
  originalUrl: string;
  /**
   * Which events the view acts on: the reader's own only. A seam for jsdom, which can make no
   * trusted events; the content script never sets it.
   */
  acceptEvent?: (event: Event) => boolean;
}

export interface ReadingViewHandle {
  close(): void;
  update(settings: ViewSettings): void;
  /** The page's article as it reads now: a liveblog shows its new moments, an article offers its update. */
  refresh(article: Article): void;
}

/**
 * A view built but not yet on the page. Opening the popup prepares one, so that its switch
 * leaves only the showing (and the browser's first frame) for the moment the reader waits.
 */
export interface PreparedView {
  /** Has the browser ready the first screen's faces (warm-faces.ts): worth it only well before open(). */
  warm(): void;
  /** Puts the view on the page, with the settings as they are by then. Once. */
  open(settings: ViewSettings): ReadingViewHandle;
}

/** The view's closed shadow root, for whoever built the view (tests read the view through it); the page cannot reach it. */
export interface OwnRoot {
  readonly root: ShadowRoot;
}

export const HOST_ID = "leesrust-reading-view";
export const PAGE_STYLE_ID = "leesrust-print-style";
const TITLE_ID = "lr-title";
const READ_ALOUD_ID = "lr-read-aloud";
const STATUS_MS = 4000;

/**
 * A <style> with its text set before it is inserted: Firefox then applies the extension's CSP
 * to it instead of the page's, so a page that forbids inline styles cannot unstyle the view.
 */
function styleElement(css: string, attrs: Record<string, string> = {}): HTMLStyleElement {
  const style = h("style", attrs);
  style.textContent = css;
  return style;
}

function applySettings(root: HTMLElement, settings: ViewSettings): void {
  root.setAttribute("data-theme", settings.theme);
  root.setAttribute("data-font", settings.font);
  root.setAttribute("data-unlinked-notes", settings.hideUnlinkedNotes ? "hidden" : "shown");
  root.style.setProperty("--lr-size", `${settings.size}px`);
  // In the text size, not in em: the toolbar's row lines up with the column in its own, smaller font.
  root.style.setProperty("--lr-column", `calc(var(--lr-size) * ${columnEms(settings)})`);
  root.style.setProperty("--lr-spacing", String(settings.spacing));
}

/** Builds the view from the model without touching the page; nothing is on the page until open(). */
export function prepareReadingView(article: Article, options: ReadingViewOptions): PreparedView & OwnRoot {
  const { t } = options;
  const accept = options.acceptEvent ?? ((event: Event) => event.isTrusted);
  const months = monthNames(t("view_months"));
  const published = formatPublished(article.published, months);
  const updatedOf = (of: Article) => formatUpdated(of.modified, published, months);
  const updated = updatedOf(article);
  const originalUrl = safeUrl(options.originalUrl, null) ?? safeUrl(article.url, null);
  // Settings arrive validated by the settings store (src/shared/settings-store.ts).
  let settings = options.settings;
  let closed = false;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;

  /** The reader changed a setting, in the toolbar or the player. */
  function change(next: ViewSettings) {
    settings = next;
    applySettings(root, settings);
    reserveLaterSpace();
    // The change stays on screen either way; the reader is told when it could not be stored.
    Promise.resolve(options.onSettingsChange(settings)).catch(() => announce(t("view_settings_not_saved")));
  }

  const controls = createControls(t, settings, {
    close,
    change,
    copy,
    print() {
      renderLaterBlocks();
      window.print();
    },
  });
  // The first frame holds a screenful; the rest follows right after it (see first-screen.ts).
  const firstBlocks = firstScreenBlocks(article.blocks, {
    height: window.innerHeight,
    fontPx: settings.size,
    spacing: settings.spacing,
    lineChars: LINE_CHARS[settings.width],
  });
  const articleElement = renderArticle(
    { article, t, published, updated, readingMinutes: readingMinutes(article), originalUrl, titleId: TITLE_ID },
    firstBlocks,
  );
  // A premium article ends where the page's free part ends, and says so; later blocks go before this.
  const endNote = article.paywall ? renderPaywallNote(article.site, originalUrl, t) : null;
  if (endNote) articleElement.append(endNote);
  let laterBlocks = article.blocks.slice(firstBlocks);
  /** The blocks added after the first frame, with their elements: their reserved space follows the settings. */
  let later: { blocks: Block[]; elements: HTMLElement[] } | null = null;
  // Tells assistive technology (and tests) that the article is still being filled in.
  if (laterBlocks.length > 0) articleElement.setAttribute("aria-busy", "true");
  // tabindex -1: the dialog itself takes focus on open, so a screen reader starts at its name
  // (the title) and the first Tab goes to the toolbar, then on into the article.
  const root = h(
    "div",
    // The toolbar and player speak the reader's language; the article element says its own.
    { class: "lr-root", role: "dialog", "aria-modal": "true", "aria-labelledby": TITLE_ID, tabindex: "-1", lang: t("ui_lang") },
    controls.bar,
    articleElement,
  );
  applySettings(root, settings);

  // The page must not act in the view. A script's click() or dispatched event is stopped before
  // any control sees it, and what its click did by default is undone: a radio checked, a link
  // followed. (Stopping the change alone would not do: the change a script's click() on a radio
  // causes is the browser's own, and trusted.)
  const refuse = (event: Event) => {
    if (accept(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === "change") controls.show(settings);
  };
  for (const type of ["click", "change", "input"]) root.addEventListener(type, refuse, true);

  const readAloud = createReadAloudButton(t, READ_ALOUD_ID, controls.addToolbarButton, async () => {
    const { createReadAloud, PLAYER_CSS } = await loadReadAloud();
    shadow.append(styleElement(PLAYER_CSS));
    const player = createReadAloud({
      t,
      h,
      id: READ_ALOUD_ID,
      url: article.url,
      lang: article.lang,
      scroller: root,
      article: articleElement,
      topInset: () => controls.bar.getBoundingClientRect().height,
      complete: renderLaterBlocks,
      rate: settings.readAloudRate,
      onRateChange: (readAloudRate) => {
        controls.show({ ...settings, readAloudRate });
        change({ ...settings, readAloudRate });
      },
    });
    // In the tab order after the toolbar; on screen at the bottom edge.
    controls.bar.after(player.player);
    return player;
  });

  /** Focus follows, so that keyboard and screen-reader users go on reading from there. */
  function jump(element: HTMLElement) {
    element.setAttribute("tabindex", "-1");
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "start" });
  }

  if (newestMoment(article.blocks) !== null) {
    const nav = createLiveblogNav(t, {
      newest() {
        renderLaterBlocks();
        // Asked when pressed: the page may have added moments since the view opened.
        const newest = newestMoment(article.blocks);
        const heading = newest === null ? null : articleElement.querySelectorAll<HTMLElement>(":scope > [data-block]")[newest];
        if (heading) jump(heading);
      },
      top() {
        root.scrollTo({ top: 0 });
        const title = shadow.getElementById(TITLE_ID);
        title?.setAttribute("tabindex", "-1");
        title?.focus({ preventScroll: true });
      },
    });
    articleElement.querySelector("header")?.append(nav.jump);
    root.append(nav.top);
    root.addEventListener("scroll", () => nav.onScroll(root.scrollTop, root.clientHeight), { passive: true });
  }

  root.addEventListener("click", (event) => controls.closeOnClickOutside(event));
  hideOnScrollDown(root, controls.bar, () => controls.engaged());

  const host = h("div", { id: HOST_ID, [OWN_MARK]: "view" });
  const shadow = host.attachShadow({ mode: "closed" });
  shadow.append(styleElement(VIEW_CSS), root);
  const pageStyle = styleElement(PAGE_CSS, { id: PAGE_STYLE_ID, [OWN_MARK]: "page-style" });

  // Where the reader was on the page, taken when the view opens and given back when it closes.
  let scroll = { left: 0, top: 0 };
  let previousFocus: Element | null = null;
  let firstFrame = 0;
  let afterFirstFrameTimer: ReturnType<typeof setTimeout> | undefined;

  /** Blocks that go in after the first frame: laid out only as the reader nears them, so a 500-block liveblog scrolls as lightly as a short article. */
  function renderLater(blocks: Block[]): HTMLElement[] {
    const elements = renderBlocks(blocks, t);
    for (const element of elements) element.classList.add("lr-later");
    reserveSpace(elements, blocks, measureColumn(articleElement, settings.size, settings.spacing));
    return elements;
  }

  function renderLaterBlocks() {
    if (laterBlocks.length === 0) return;
    const elements = renderLater(laterBlocks);
    later = { blocks: laterBlocks, elements };
    laterBlocks = [];
    const batch = document.createDocumentFragment();
    batch.append(...elements);
    articleElement.insertBefore(batch, endNote);
    articleElement.removeAttribute("aria-busy");
  }

  /** Before the later blocks are laid out, so that the measuring reads the first frame's layout and forces none. */
  function reserveLaterSpace() {
    if (later) reserveSpace(later.elements, later.blocks, measureColumn(articleElement, settings.size, settings.spacing));
  }

  function onKeydown(event: KeyboardEvent) {
    // A script's keydown (the page's dispatchEvent) must not close or steer the view.
    if (!accept(event)) return;
    if (!host.isConnected) {
      // Removed by the page or replaced by a newer view: stop handling keys, but leave focus
      // and scroll alone, they belong to whatever is on screen now.
      stop();
      options.onClose();
      return;
    }
    if (event.key === "Escape" && !event.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      // Like a menu: the first Escape closes an open popover, the next one the view.
      if (!controls.closePopover()) close();
    } else if (event.key === "Tab") {
      keepTabInside(shadow, event);
    }
  }

  function announce(message: string) {
    if (closed) return;
    controls.announce(message);
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => controls.announce(""), STATUS_MS);
  }

  async function copy(format: CopyFormat) {
    const note = (block: EmbedBlock) => {
      const worded = embedNote(block, t);
      return worded.url || !settings.hideUnlinkedNotes ? worded : null;
    };
    const context = { date: published?.text ?? null, url: originalUrl, sourceLabel: t("view_source"), note };
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      const formats = await loadCopyFormats();
      const text = format === "markdown" ? formats.articleToMarkdown(article, context) : formats.articleToPlainText(article, context);
      await navigator.clipboard.writeText(text);
      announce(t("view_copied"));
    } catch {
      announce(t("view_copy_failed"));
    }
  }

  /** Following the page (live.ts): loaded on the page's first change while the view is open. */
  let live: Promise<LiveUpdates> | null = null;

  function startLive(): Promise<LiveUpdates> {
    return loadLive().then(({ createLiveUpdates, LIVE_CSS }) => {
      shadow.append(styleElement(LIVE_CSS));
      renderLaterBlocks();
      return createLiveUpdates({
        t,
        h,
        scroller: root,
        article: articleElement,
        shown: article,
        end: endNote,
        render: renderLater,
        updated: updatedOf,
        jump,
        applied(next, elements) {
          // The article on screen from here on: copying and the jumps read it.
          article = next;
          later = { blocks: next.blocks, elements };
          readAloud.refresh();
        },
      });
    });
  }

  function refresh(next: Article) {
    if (closed) return;
    (live ??= startLive())
      .then(
        (updates) => closed || updates.refresh(next),
        // The bundle did not load (the extension was updated under the page): the next change tries again.
        () => (live = null),
      )
      // A failing update leaves the view as it was; nothing reaches the page's console.
      .catch(() => undefined);
  }

  function stop() {
    closed = true;
    void live?.then((updates) => updates.stop(), () => undefined);
    readAloud.stop();
    document.removeEventListener("keydown", onKeydown, true);
    cancelAnimationFrame(firstFrame);
    clearTimeout(afterFirstFrameTimer);
    clearTimeout(statusTimer);
    host.remove();
    pageStyle.remove();
  }

  function close() {
    if (closed) return;
    stop();
    if (window.scrollX !== scroll.left || window.scrollY !== scroll.top) {
      window.scrollTo({ left: scroll.left, top: scroll.top, behavior: "instant" });
    }
    // Duck-typed: in Firefox the page's elements reach the content script as wrappers that
    // need not pass instanceof checks against the content script's own classes.
    if (previousFocus && previousFocus !== document.body && previousFocus.isConnected && "focus" in previousFocus) {
      (previousFocus as HTMLElement).focus({ preventScroll: true });
    }
    options.onClose();
  }

  function update(next: ViewSettings) {
    if (closed) return;
    settings = next;
    applySettings(root, settings);
    controls.show(settings);
    reserveLaterSpace();
  }

  let opened = false;
  return {
    root: shadow,
    warm() {
      if (!opened) warmFaces(root, settings);
    },
    open(current) {
      if (opened) throw new Error("reading view: a prepared view opens once");
      opened = true;
      // A view left behind by an earlier copy of the content script (extension reloaded) would
      // otherwise sit under this one. Found by the mark where the view puts its nodes, never by
      // id: those could be the page's.
      for (const left of document.querySelectorAll(`:root > [${OWN_MARK}], head > [${OWN_MARK}]`)) left.remove();
      scroll = { left: window.scrollX, top: window.scrollY };
      previousFocus = document.activeElement;
      update(current);
      document.documentElement.append(host);
      // After the view's first frame is painted: the rest of the article, and the page style
      // (the page lays itself out again when it loses its scrollbar, which on a long page costs
      // more than drawing the view).
      firstFrame = requestAnimationFrame(() => {
        afterFirstFrameTimer = setTimeout(() => {
          if (!host.isConnected) return;
          renderLaterBlocks();
          (document.head ?? document.documentElement).append(pageStyle);
        });
      });
      // Capture phase on the document: Escape works wherever focus is, before the page's own handlers.
      document.addEventListener("keydown", onKeydown, true);
      root.focus({ preventScroll: true });
      return { close, update, refresh };
    },
  };
}
