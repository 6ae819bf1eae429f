/**
 * The view following a live liveblog: the 1 MB liveblog fixture at an address of its own, plus a
 * script that, once started, puts a new moment at its top every 2 s for 60 s, made from the page's
 * own moment markup, and then corrects an old moment's paragraph a few times, 2 s apart. The view is
 * opened first; every update it then takes is the content script's re-read of the page
 * (leesrust:follow-read: only the added moment for an addition, the whole page's detect and
 * extract for a correction) and the view's taking of the new reading (leesrust:follow-apply: the
 * diff, the new blocks, the place kept), both in one task. The corrections give the cost of a full
 * re-read in the same run, beside which an addition's is a ratio.
 */
import type { Fixture } from "../fixtures";
import { withPageScript } from "./mutating-page";
import type { MeasureEntry } from "./page-probes";
import { BrokenRun } from "./protocol";
import { pageTasks, type TraceEvent } from "./page-trace";

export const UPDATING_URL = "https://www.ad.nl/binnenland/live-hittegolf-bench~a0f1e2d4/";
export const UPDATE_EVERY_MS = 2000;
export const UPDATE_FOR_MS = 60_000;
/** Corrections of an old moment after the additions: each one reads the whole page again. */
export const EDITS = 5;

declare global {
  interface Window {
    __benchLive?: { start(): void; done?: BenchLiveDone };
  }
}

/** What the page did: its additions, and from when (page clock) its corrections. */
export interface BenchLiveDone {
  ticks: number;
  edits: number;
  editsFrom: number;
}

/** Runs in the page (its source is inlined): new moments at the top, cloned from the newest one; then corrections of that one. */
function liveUpdates(everyMs: number, forMs: number, edits: number): void {
  const live: NonNullable<Window["__benchLive"]> = {
    start() {
      const first = document.querySelector('[data-test-id="liveblog-moment"]')!.parentElement!;
      const started = performance.now();
      let ticks = 0;
      const timer = setInterval(() => {
        ticks += 1;
        const time = `23:${String(ticks).padStart(2, "0")}`;
        const wrapper = first.cloneNode(true) as HTMLElement;
        const moment = wrapper.querySelector("article")!;
        moment.id = `moment-bench-${ticks}`;
        const heading = moment.querySelector("h2")!;
        heading.replaceChildren(Object.assign(document.createElement("time"), { dateTime: `2025-07-01T${time}:00+02:00`, textContent: time }), ` Nieuw bericht ${ticks}`);
        moment.querySelectorAll("p").forEach((p, i) => (p.textContent = `Bericht ${ticks}, alinea ${i + 1}: het KNMI meldt om ${time} nog altijd ${30 + (ticks % 8)} graden in het oosten van het land.`));
        first.parentElement!.prepend(wrapper);
        if (performance.now() - started >= forMs) {
          clearInterval(timer);
          const editsFrom = performance.now() + everyMs / 2;
          let edited = 0;
          const editing = setInterval(() => {
            edited += 1;
            first.querySelector("p")!.textContent = `Correctie ${edited}: het KNMI stelt de temperatuur van vanmiddag bij.`;
            if (edited < edits) return;
            clearInterval(editing);
            live.done = { ticks, edits, editsFrom };
          }, everyMs);
        }
      }, everyMs);
    },
  };
  window.__benchLive = live;
}

export const updatingLiveblogFixture = (): Fixture =>
  withPageScript("ad-current-liveblog-hittegolf-large", UPDATING_URL, "generated-updating-liveblog", liveUpdates, UPDATE_EVERY_MS, UPDATE_FOR_MS, EDITS);

/** How long the page's script runs once started, ms. */
export const LIVE_RUN_MS = UPDATE_FOR_MS + (EDITS + 1) * UPDATE_EVERY_MS;

/** One update: the re-read and the view's taking of it, wall ms each (start of the read, page clock). */
export interface Update {
  start: number;
  read: number;
  apply: number;
}

/** The updates for the page's additions and those for its corrections (full re-reads). */
export interface LiveFigures {
  adds: Update[];
  edits: Update[];
}

/** Pairs each re-read with the view's apply that followed it; fails when the view took fewer updates than the page made. */
export function updatesOf(measures: MeasureEntry[], done: BenchLiveDone, where: string): LiveFigures {
  const reads = measures.filter((m) => m.name === "leesrust:follow-read");
  const applies = measures.filter((m) => m.name === "leesrust:follow-apply");
  const updates = reads.flatMap((read) => {
    const apply = applies.find((a) => a.start >= read.start);
    return apply ? [{ start: read.start, read: read.duration, apply: apply.duration }] : [];
  });
  const adds = updates.filter((u) => u.start < done.editsFrom);
  const edits = updates.filter((u) => u.start >= done.editsFrom);
  // Updates 2 s apart and reads at most one a second: one read for each new moment.
  if (adds.length < done.ticks) throw new BrokenRun(`The view took ${adds.length} updates of the liveblog's ${done.ticks} new moments ${where}.`);
  if (edits.length < done.edits) throw new BrokenRun(`The view took ${edits.length} updates of the liveblog's ${done.edits} corrections ${where}.`);
  return { adds, edits };
}

/** Runs in the view: how many of the bench's moments it shows. */
export function benchMomentsShown(root: ShadowRoot | null): number {
  return Array.from(root?.querySelectorAll('[data-block="heading"]') ?? []).filter((h) => / Nieuw bericht \d+$/.test(h.textContent ?? "")).length;
}

/** Chromium: the main-thread CPU of each task that began an update (its re-read and the view's apply run in it), ms. */
export function updateTasksCpu(events: TraceEvent[]): number[] {
  return events
    .filter((e) => e.cat === "blink.user_timing" && e.ph === "b" && e.name === "leesrust:follow-read")
    .map((begin) => pageTasks(events, begin.pid, begin.tid).find((t) => t.start <= begin.ts && t.end >= begin.ts))
    .filter((task) => task !== undefined)
    .map((task) => task.cpu / 1000);
}
