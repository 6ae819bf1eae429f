/**
 * Keeping up with pages that are still being built or that navigate with the history API,
 * at a bounded cost: mutations only mark the page dirty, and the page is re-checked at most
 * once per tick, with ticks further apart after each check that found nothing (late content
 * mostly comes early); the watch ends once the page has settled, so a page that mutates
 * forever costs a dozen checks at most.
 */

export interface SettleOptions {
  /** At most one re-check per this many ms, however many mutations arrive; the first tick's length. */
  tickMs: number;
  /** Each unproductive re-check stretches the next tick by this factor, up to `quietMs`. */
  backoff: number;
  /** The page counts as settled after this long without mutations. */
  quietMs: number;
  /** Stop watching after this long in any case. */
  maxMs: number;
}

export const SETTLE_DEFAULTS: SettleOptions = { tickMs: 250, backoff: 1.5, quietMs: 2000, maxMs: 10_000 };

/**
 * Calls `recheck` after mutations (throttled) until it returns true ("found, stop"), the
 * page goes quiet or time runs out. Returns a function that stops the watch early.
 */
export function watchUntilSettled(
  doc: Document,
  recheck: () => boolean,
  options: SettleOptions = SETTLE_DEFAULTS,
): () => void {
  const view = doc.defaultView;
  if (!view) return () => undefined;
  const started = view.performance.now();
  let lastMutation = started;
  let dirty = false;

  const observer = new view.MutationObserver(() => {
    dirty = true;
    lastMutation = view.performance.now();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  let tick = options.tickMs;
  let timer = view.setTimeout(step, tick);

  function step(): void {
    const now = view!.performance.now();
    if (dirty) {
      dirty = false;
      if (recheck()) return stop();
      tick = Math.min(tick * options.backoff, options.quietMs);
    }
    if (now - lastMutation >= options.quietMs || now - started >= options.maxMs) return stop();
    timer = view!.setTimeout(step, tick);
  }

  function stop(): void {
    observer.disconnect();
    view!.clearTimeout(timer);
  }
  return stop;
}

/**
 * Calls `onChange` when the page's URL changes without a page load. Content scripts cannot
 * wrap the page's own history.pushState, so this listens where a navigation shows: popstate,
 * the Navigation API where the browser has it, and the document's nodes (a router that
 * pushes a URL renders the new article, retitled or not), each only comparing one string.
 * The nodes are what Firefox before the Navigation API (ESR 140) has to go on.
 */
export function watchUrl(doc: Document, onChange: (href: string) => void): () => void {
  const view = doc.defaultView;
  if (!view) return () => undefined;
  let last = view.location.href;
  const compare = () => {
    // A torn-down window (a closed frame, jsdom after close) has no location left to compare.
    const href = view.location?.href;
    if (href === undefined || href === last) return;
    last = href;
    onChange(href);
  };

  view.addEventListener("popstate", compare);
  const navigation = (view as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener("navigatesuccess", compare);
  const observer = new view.MutationObserver(compare);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  if (doc.head) observer.observe(doc.head, { childList: true, subtree: true, characterData: true });

  return () => {
    view.removeEventListener("popstate", compare);
    navigation?.removeEventListener("navigatesuccess", compare);
    observer.disconnect();
  };
}

export interface FollowOptions {
  /** At most one call per this many ms, however many mutations arrive. */
  gapMs: number;
  /** Each call that found nothing new doubles the gap, up to this: a page that keeps changing its ads or clock costs a read every few seconds. */
  maxGapMs: number;
  /** How long a call may wait for the page's main thread to be idle. */
  idleTimeoutMs: number;
  /** Call once soon in any case: what the view shows was read from the page a while ago. */
  stale?: boolean;
}

/** Past this many records between two calls, the page is doing more than adding a moment or two: `onChange` is told nothing. */
const MAX_RECORDS = 500;

export const FOLLOW_DEFAULTS: FollowOptions = { gapMs: 1000, maxGapMs: 8000, idleTimeoutMs: 1000 };

type IdleWindow = NonNullable<Document["defaultView"]> & { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

/** A mutation of the view's own nodes (its host, its page style): the view's doing, not the page's. */
function ownRecord(record: MutationRecord, isOwn: (node: Node) => boolean): boolean {
  if (isOwn(record.target)) return true;
  if (record.type !== "childList") return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOwn);
}

/**
 * Calls `onChange` after the page's own mutations, for as long as the reading view is open (a
 * liveblog's new moments, a corrected article), with the page's mutation records since the last
 * call (null when they are not all known: a stale start, too many): at most once per gap (`gapMs`, longer after
 * calls that say they found nothing new), and when the page's
 * main thread is idle (requestIdleCallback, with a timeout so a busy page is still followed;
 * setTimeout where there is none). The body is watched, where every article is, and mutations
 * of the view's own nodes are ignored, so the view never wakes itself.
 */
export function followPage(doc: Document, onChange: (records: MutationRecord[] | null) => Promise<boolean>, isOwn: (node: Node) => boolean, options: FollowOptions = FOLLOW_DEFAULTS): () => void {
  const view = doc.defaultView as IdleWindow | null;
  if (!view) return () => undefined;
  let last = -Infinity;
  let gap = options.gapMs;
  let timer: number | undefined;
  let idle: number | undefined;
  let stopped = false;
  let records: MutationRecord[] | null = options.stale ? null : [];
  const keep = (batch: MutationRecord[]) => {
    const page = batch.filter((r) => !ownRecord(r, isOwn));
    if (records && records.length + page.length <= MAX_RECORDS) records.push(...page);
    else records = null;
    return page.length > 0;
  };

  const run = () => {
    idle = undefined;
    timer = undefined;
    if (stopped) return;
    last = view.performance.now();
    keep(observer.takeRecords());
    const since = records;
    records = [];
    void onChange(since).then((changed) => {
      // The page changed while it was being read (the read waited for the reader bundle): what
      // those records add may be in that read already, so the next one reads the page whole.
      if (records?.length) records = null;
      gap = changed ? options.gapMs : Math.min(gap * 2, options.maxGapMs);
    });
  };
  const whenIdle = () => {
    timer = undefined;
    if (view.requestIdleCallback) idle = view.requestIdleCallback(run, { timeout: options.idleTimeoutMs });
    else timer = view.setTimeout(run, 0);
  };
  const schedule = () => {
    if (timer === undefined && idle === undefined) timer = view.setTimeout(whenIdle, Math.max(0, last + gap - view.performance.now()));
  };
  const observer = new view.MutationObserver((batch) => {
    if (keep(batch)) schedule();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  if (options.stale) schedule();

  return () => {
    stopped = true;
    observer.disconnect();
    view.clearTimeout(timer);
    if (idle !== undefined) view.cancelIdleCallback?.(idle);
  };
}
