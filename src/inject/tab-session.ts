/**
 * One tab's Leesrust state: what the page offers, whether the reading view is open, and the
 * answers to the popup's requests. The page, the view and the report channel come in as
 * dependencies, so jsdom tests can drive it with a fixture and a stand-in view.
 */
import type { Article } from "../core/index";
import { withAdded } from "../core/added-blocks";
import { findPhrases } from "../core/phrases";
import type { PartsReading } from "../core/fragment";
import type { Request, TabStatus } from "../shared/messages";
import type { Settings, ViewSettings } from "../shared/settings";
import { setAutoOpen, writeSettings } from "../shared/settings-store";
import type { PreparedView, ReadingViewHandle, ReadingViewOptions } from "./view/index";
import { glancePage, type PageAssessment } from "./assess-page";
import { measure } from "./measure";
import { FOLLOW_DEFAULTS, followPage } from "./page-watch";
import { OWN_MARK } from "./own-mark";
import { addedElements } from "./added-parts";
import { errorText } from "../shared/error-text";

export interface SessionDeps {
  doc: Document;
  /** The full assessment (assess-page's assessPage), behind a loader like the view's. */
  assess: (doc: Document, href: string) => PageAssessment | Promise<PageAssessment>;
  /** Parts the page added, read alone (core fragment.ts readParts), behind the same loader. */
  readParts?: (doc: Document, href: string, runs: Element[][], changed: Node[]) => PartsReading | null | Promise<PartsReading | null>;
  /** The view module's prepareReadingView, behind a loader: the content script fetches the view when first needed. */
  prepareView: (article: Article, options: ReadingViewOptions) => PreparedView | Promise<PreparedView>;
  t: ReadingViewOptions["t"];
  /** Tells the background (badge) about a new status. */
  report: (status: TabStatus) => void;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isOwn = (node: Node) => (node as Element).hasAttribute?.(OWN_MARK) === true;

/** Shows a prepared view with the settings of that moment. */
type OpenView = (settings: ViewSettings) => ReadingViewHandle;

/** Calls into the view module; a failing view must not surface as an error on the page's console. */
function quietly(call: () => void): void {
  try {
    call();
  } catch {
    // The view's own problem; the page stays usable and the session's state stays right.
  }
}

export class TabSession {
  #assessment: PageAssessment;
  /** The open view, the article it shows, the address it was opened at, and the watch that lets it follow the page. */
  #view: { handle: ReadingViewHandle; article: Article; href: string; unfollow: () => void } | null = null;
  /** A view being built. */
  #opening: Promise<void> | null = null;
  /**
   * A view built ahead for the current article while the popup is open: the reader opened it
   * to use its switch, so the switch then only has to show the view.
   */
  #prepared: { article: Article; open: Promise<OpenView> } | null = null;
  /** Counts closings: a view that is ready only after the reader switched it off is never shown. */
  #closings = 0;
  /**
   * The reader closed the view: auto-open leaves this tab alone until the reader opens it again,
   * whatever the page does meanwhile (a history navigation is the page's to make, not the reader's).
   */
  #dismissed = false;
  #lastReport: TabStatus | null = null;
  /** When the current assessment's article was read from the page. */
  #readAt = 0;

  readonly #deps: SessionDeps;
  #settings: Settings;
  /** The view's setting changes still being stored: storage's echoes of earlier ones are older than the view. */
  #viewWrites = 0;

  constructor(deps: SessionDeps, settings: Settings) {
    this.#deps = deps;
    this.#settings = settings;
    this.#assessment = glancePage(deps.doc, this.#href());
  }

  /** Extracts the article if that has not happened yet for the current page. */
  async #settle(): Promise<PageAssessment> {
    const glance = this.#assessment;
    if (glance.article !== undefined) return glance;
    let full: PageAssessment;
    try {
      full = await this.#deps.assess(this.#deps.doc, this.#href());
    } catch (error) {
      // The reader module failed to load: say so rather than let a rejection reach the console.
      const reason = `reader: ${errorText(error)}`;
      full = { ...glance, state: "unsupported", article: null, reason };
    }
    // A newer look at the page (history navigation) may have come in meanwhile; it wins.
    if (this.#assessment === glance) {
      this.#assessment = full;
      this.#readAt = performance.now();
    }
    return this.#assessment;
  }

  #href(): string {
    return this.#deps.doc.defaultView?.location.href ?? this.#deps.doc.URL;
  }

  /** Whether the page shows placeholders or markers; the page watcher stops once it does. */
  get found(): boolean {
    const { placeholders, photoMarkers } = this.#assessment.detection;
    return placeholders + photoMarkers > 0;
  }

  status(): TabStatus {
    const a = this.#assessment;
    const status: TabStatus = {
      state: this.#view ? "open" : a.state,
      placeholders: a.detection.placeholders,
      photoMarkers: a.detection.photoMarkers,
      host: a.host,
      site: a.site,
      autoOpen: this.#settings.autoOpenSites.includes(a.host),
    };
    if (a.article?.paywall) status.paywall = true;
    if (a.bestEffort) status.bestEffort = true;
    if (a.reason) status.reason = a.reason;
    return status;
  }

  /**
   * Re-reads the page (late content, or a history navigation) and brings the view in line.
   * Only a page with an open view is extracted at once; others are glanced at.
   */
  async reassess(): Promise<void> {
    this.#assessment = glancePage(this.#deps.doc, this.#href());
    this.#prepared = null;
    this.#publish();
    const article = this.#view ? (await this.#settle()).article : null;
    if (this.#view && !article) this.#closeView();
    else if (this.#view && article && this.#view.href === this.#href()) this.#refreshView(article);
    else if (this.#view && article && !sameJson(article, this.#view.article)) {
      this.#closeView();
      await this.#openView();
    } else if (!this.#view) await this.autoOpen();
    this.#publish();
  }

  /**
   * Opens the view by itself when the reader asked for that on this site: on every article
   * there, blocked posts or not, so only on such sites does a page without a find get
   * extracted at load.
   */
  async autoOpen(): Promise<void> {
    if (this.#assessment.site && this.status().autoOpen && !this.#dismissed) await this.#openView();
    this.#publish();
  }

  async handle(request: Request): Promise<TabStatus> {
    // Stored first, before the page is read: the reader may close the tab any moment now.
    const stored = request.type === "leesrust:set-auto-open" ? this.#storeAutoOpen(request.enabled) : null;
    // Whoever asks (the popup, the shortcut) gets the full verdict, not the glance.
    await this.#settle();
    await stored;
    switch (request.type) {
      case "leesrust:get-status":
        // After this answer has gone: building the view must not hold up the popup.
        setTimeout(() => this.#prepareAhead());
        break;
      case "leesrust:set-view":
        await this.#setOpen(request.open);
        break;
      case "leesrust:toggle-view":
        await this.#setOpen(!(this.#view || this.#opening));
        break;
    }
    this.#publish();
    return this.status();
  }

  #storeAutoOpen(enabled: boolean): Promise<Settings> {
    const host = this.#assessment.host;
    this.#settings = setAutoOpen(this.#settings, host, enabled);
    // From the settings this tab holds, with no read first, as the view's changes are: the popup's
    // own write reads first when it has none yet, and a tab closed at once must still store it.
    return writeSettings(this.#settings);
  }

  /**
   * The reader is likely about to open the view from the keyboard (Alt+Shift held, the start of
   * its shortcut): extract and build it now, as the popup's status request does, so that the
   * shortcut finds it built and only has to show it.
   */
  async anticipate(): Promise<void> {
    await this.#settle();
    this.#prepareAhead();
  }

  /** Settings changed elsewhere (popup, options page, another tab). */
  settingsChanged(changed: Settings): void {
    // Storage echoes the view's own writes: while a newer change of the reader's is still being
    // stored, an echo is older than what the view shows, and must not undo it.
    const settings = this.#viewWrites > 0 ? { ...changed, view: this.#settings.view } : changed;
    const viewChanged = !sameJson(settings.view, this.#settings.view);
    this.#settings = settings;
    const view = this.#view;
    if (viewChanged && view) quietly(() => view.handle.update(settings.view));
    this.#publish();
  }

  async #setOpen(open: boolean): Promise<void> {
    this.#dismissed = !open;
    if (open) await this.#openView();
    else this.#closeView();
  }

  #openView(): Promise<void> {
    if (this.#view) return Promise.resolve();
    if (this.#opening) return this.#opening;
    const opening: Promise<void> = this.#buildView().finally(() => {
      if (this.#opening === opening) this.#opening = null;
    });
    this.#opening = opening;
    return opening;
  }

  async #buildView(): Promise<void> {
    const closings = this.#closings;
    try {
      const article = (await this.#settle()).article;
      if (!article || this.#closings !== closings) return this.#publish();
      const started = performance.now();
      const ahead = this.#prepared?.article === article ? this.#prepared.open : null;
      this.#prepared = null;
      const open = await (ahead ?? this.#prepare(article));
      if (this.#closings !== closings) return this.#publish();
      const handle = open(this.#settings.view);
      measure("leesrust:open-view", started);
      // An article read a while ago (the popup opened earlier, the view closed and opened again) may have moved on since.
      const stale = performance.now() - this.#readAt > FOLLOW_DEFAULTS.gapMs;
      const unfollow = followPage(this.#deps.doc, (records) => this.#follow(records), isOwn, { ...FOLLOW_DEFAULTS, stale });
      this.#view = { handle, article, href: this.#href(), unfollow };
    } catch (error) {
      // A view that cannot be built leaves the page as it was and says so in the popup.
      const reason = `view: ${errorText(error)}`;
      this.#assessment = { ...this.#assessment, state: "unsupported", article: null, reason };
    }
    this.#publish();
  }

  #prepareAhead(): void {
    const article = this.#assessment.article;
    if (!article || this.#view || this.#opening || this.#prepared?.article === article) return;
    const open = this.#prepare(article, { warm: true });
    // A failed build ahead is dropped: the switch builds the view itself then (or, if it was
    // already waiting for this build, reports the failure as any failed build does).
    open.catch(() => {
      if (this.#prepared?.open === open) this.#prepared = null;
    });
    this.#prepared = { article, open };
  }

  /** `warm`: the view is built ahead, with time to ready its faces before the switch. */
  async #prepare(article: Article, { warm = false } = {}): Promise<OpenView> {
    let handle: ReadingViewHandle | null = null;
    const prepared = await this.#deps.prepareView(article, {
      settings: this.#settings.view,
      t: this.#deps.t,
      originalUrl: article.url ?? this.#href(),
      onClose: () => {
        if (!handle || this.#view?.handle !== handle) return;
        this.#view.unfollow();
        this.#view = null;
        this.#dismissed = true;
        this.#publish();
      },
      onSettingsChange: async (view: ViewSettings) => {
        this.#settings = { ...this.#settings, view };
        // Each change at once, to storage.local (settings-store.ts): nothing waits for the tab to stay open.
        this.#viewWrites++;
        try {
          // From the settings this tab holds (kept current as they change), with no read first:
          // the write is on its way within the change, before a tab closed at once is gone.
          await writeSettings(this.#settings);
        } finally {
          this.#viewWrites--;
        }
      },
    });
    // Only a speed-up: a view whose faces could not be readied still opens.
    if (warm) {
      const started = performance.now();
      quietly(() => prepared.warm());
      measure("leesrust:warm-faces", started);
    }
    return (settings) => (handle = prepared.open(settings));
  }

  #closeView(): void {
    const view = this.#view;
    this.#view = null;
    this.#opening = null;
    this.#closings++;
    if (view) {
      view.unfollow();
      quietly(() => view.handle.close());
    }
  }

  /**
   * The page changed under the open view (a liveblog's new moment, a corrected article): read it
   * again and let the view follow. Another address is a navigation, which watchUrl's reassess handles.
   * When the records say the page only added elements, only those are read (#readAdded).
   * Says whether the article had changed.
   */
  async #follow(records: MutationRecord[] | null): Promise<boolean> {
    const view = this.#view;
    if (!view || view.href !== this.#href()) return false;
    const started = performance.now();
    const added = records && (await this.#readAdded(view.article, records));
    if (added !== null) {
      measure("leesrust:follow-read", started);
      if (this.#view !== view || added.article === view.article) return false;
      this.#assessment = added;
      this.#readAt = performance.now();
      this.#prepared = null;
      view.article = added.article!;
      quietly(() => view.handle.refresh(view.article));
      this.#publish();
      return true;
    }
    let full: PageAssessment;
    try {
      full = await this.#deps.assess(this.#deps.doc, view.href);
    } catch {
      return false;
    }
    measure("leesrust:follow-read", started);
    // A page in the middle of redrawing itself may have no article for a moment: the view keeps what it shows.
    if (this.#view !== view || !full.article) return false;
    this.#assessment = full;
    this.#readAt = performance.now();
    this.#prepared = null;
    const changed = this.#refreshView(full.article);
    this.#publish();
    return changed;
  }

  /**
   * The assessment with the elements the records say the page added put into `shown`, or null
   * when the page must be read whole: it did more than add, what it added is not certain to read
   * the same alone, or its place among the blocks is not certain. Returns `shown`'s own
   * assessment when what was added holds no article text (an ad slot filled).
   */
  async #readAdded(shown: Article, records: MutationRecord[]): Promise<PageAssessment | null> {
    const now = this.#assessment;
    const added = addedElements(records);
    if (!added || !this.#deps.readParts || now.article !== shown || now.bestEffort) return null;
    const runs = added.runs.flatMap(({ run, before, after }) => [run, before ? [before] : [], after ? [after] : []]);
    let read: PartsReading | null;
    try {
      read = await this.#deps.readParts(this.#deps.doc, this.#href(), runs, added.changed);
    } catch {
      return null;
    }
    const parts = read?.parts;
    if (!parts) return null;
    const placed = added.runs.map((_, i) => ({ reading: parts[3 * i]!, before: parts[3 * i + 1] ?? null, after: parts[3 * i + 2] ?? null }));
    if (!placed.every((r) => r.reading)) return null;
    const article = withAdded({ ...shown, ...read!.header }, placed);
    if (!article) return null;
    if (sameJson({ ...article, blocks: [] }, { ...shown, blocks: [] }) && article.blocks === shown.blocks) return now;
    // The badge's counts go up by what the added parts hold; the page is not searched again.
    const detection = { ...now.detection };
    for (const hits of added.runs.flatMap((r) => r.run).map(findPhrases)) {
      detection.placeholders += hits.placeholder.length;
      detection.photoMarkers += hits.photoMarker.length;
    }
    return { ...now, article, detection };
  }

  #refreshView(article: Article): boolean {
    const view = this.#view;
    if (!view) return false;
    const same = sameJson(article, view.article);
    // Equal or not, the view's article is the assessment's from here on: the next added moments are read into it.
    view.article = article;
    if (same) return false;
    quietly(() => view.handle.refresh(article));
    return true;
  }

  /** Reports the status to the background when it changed. */
  #publish(): void {
    const status = this.status();
    if (this.#lastReport && sameJson(status, this.#lastReport)) return;
    this.#lastReport = status;
    this.#deps.report(status);
  }
}
