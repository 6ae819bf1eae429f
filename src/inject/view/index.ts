/**
 * The reading view: an overlay in its own shadow root over the page, built from the Article
 * model alone. The page's own nodes are never touched; the one addition to the page (a small
 * stylesheet that stops it scrolling and keeps it out of a printout) goes again on close, and
 * scroll position and focus return to where they were.
 */
import type { Article, EmbedBlock } from "../../core/article";
import { safeUrl } from "../../core/urls";
import { LINE_CHARS, type ViewSettings } from "../../shared/settings";
import { hideOnScrollDown } from "./bar-autohide";
import { createControls, type CopyFormat } from "./controls";
import { h } from "./dom";
import { embedNote } from "./embed-note";
import { keepTabInside } from "./focus-trap";
import { formatPublished, monthNames } from "./format-date";
import { articleToMarkdown } from "./markdown";
import { articleToPlainText } from "./plaintext";
import { readingMinutes } from "./reading-time";
import { firstScreenBlocks } from "./first-screen";
import { renderArticle, renderBlocks, type Translate } from "./render-article";
import { PAGE_CSS, VIEW_CSS } from "./styles";
import { columnEms } from "./text-column";
import { warmFaces } from "./warm-faces";

export interface ReadingViewOptions {
  settings: ViewSettings;
  t: Translate;
  onClose: () => void;
  onSettingsChange: (settings: ViewSettings) => void;
  originalUrl: string;
}

export interface ReadingViewHandle {
  close(): void;
  update(settings: ViewSettings): void;
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

export const HOST_ID = "leesrust-reading-view";
export const PAGE_STYLE_ID = "leesrust-print-style";
const TITLE_ID = "lr-title";
const STATUS_MS = 4000;

/**
 * A <style> with its text set before it is inserted: Firefox then applies the extension's CSP
 * to it instead of the page's, so a page that forbids inline styles cannot unstyle the view.
 */
function styleElement(css: string, id?: string): HTMLStyleElement {
  const style = document.createElement("style");
  if (id) style.id = id;
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
export function prepareReadingView(article: Article, options: ReadingViewOptions): PreparedView {
  const { t } = options;
  const published = formatPublished(article.published, monthNames(t("view_months")));
  const originalUrl = safeUrl(options.originalUrl, null) ?? safeUrl(article.url, null);
  // Settings arrive validated by the settings store (src/shared/settings-store.ts).
  let settings = options.settings;
  let closed = false;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;

  const controls = createControls(t, settings, {
    close,
    change(next) {
      settings = next;
      applySettings(root, settings);
      options.onSettingsChange(settings);
    },
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
    { article, t, published, readingMinutes: readingMinutes(article), originalUrl, titleId: TITLE_ID },
    firstBlocks,
  );
  let laterBlocks = article.blocks.slice(firstBlocks);
  // Tells assistive technology (and tests) that the article is still being filled in.
  if (laterBlocks.length > 0) articleElement.setAttribute("aria-busy", "true");
  // tabindex -1: the dialog itself takes focus on open, so a screen reader starts at its name
  // (the title) and the first Tab goes to the toolbar, then on into the article.
  const root = h(
    "div",
    { class: "lr-root", role: "dialog", "aria-modal": "true", "aria-labelledby": TITLE_ID, tabindex: "-1" },
    controls.bar,
    articleElement,
  );
  applySettings(root, settings);
  root.addEventListener("click", (event) => controls.closeOnClickOutside(event));
  hideOnScrollDown(root, controls.bar, () => controls.engaged());

  const host = h("div", { id: HOST_ID });
  const shadow = host.attachShadow({ mode: "open" });
  shadow.append(styleElement(VIEW_CSS), root);
  const pageStyle = styleElement(PAGE_CSS, PAGE_STYLE_ID);

  // Where the reader was on the page, taken when the view opens and given back when it closes.
  let scroll = { left: 0, top: 0 };
  let previousFocus: Element | null = null;
  let firstFrame = 0;
  let afterFirstFrameTimer: ReturnType<typeof setTimeout> | undefined;

  function renderLaterBlocks() {
    if (laterBlocks.length === 0) return;
    const elements = renderBlocks(laterBlocks, t);
    laterBlocks = [];
    // Laid out only as the reader nears them: a 500-block liveblog scrolls as lightly as a short article.
    for (const element of elements) element.classList.add("lr-later");
    articleElement.append(...elements);
    articleElement.removeAttribute("aria-busy");
  }

  function onKeydown(event: KeyboardEvent) {
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
    const text = format === "markdown" ? articleToMarkdown(article, context) : articleToPlainText(article, context);
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      announce(t("view_copied"));
    } catch {
      announce(t("view_copy_failed"));
    }
  }

  function stop() {
    closed = true;
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
  }

  let opened = false;
  return {
    warm() {
      if (!opened) warmFaces(root, settings);
    },
    open(current) {
      if (opened) throw new Error("reading view: a prepared view opens once");
      opened = true;
      // A view left behind by an earlier copy of the content script (extension reloaded) would
      // otherwise sit under this one.
      document.getElementById(HOST_ID)?.remove();
      document.getElementById(PAGE_STYLE_ID)?.remove();
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
      return { close, update };
    },
  };
}
