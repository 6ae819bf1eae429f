/**
 * The Firefox half of `npm run bench:browser`: Debian Firefox ESR with the built extension,
 * through the e2e harness's FirefoxSession and nothing but its public methods. WebDriver BiDi
 * gives no trace, profiler or heap, so Firefox's figures are the page's own clocks: the content
 * script's performance measures, navigation timing, and requestAnimationFrame for frames.
 */
import { FirefoxSession } from "../../../test/e2e/harness/firefox";
import { VIEW_HOST } from "../../../test/e2e/harness/reading-view";
import { waitFor, type Tab } from "../../../test/e2e/harness/session";
import type { Request } from "../../../src/shared/messages";
import type { Fixture } from "../fixtures";
import { MUTATE_FOR_MS } from "./mutating-page";
import { benchMomentsShown, LIVE_RUN_MS, updatesOf, type LiveFigures } from "./updating-liveblog";
import {
  armPaintProbe,
  readLeesrustMeasures,
  readLoadTiming,
  readPaintProbe,
  readTimerResolution,
  type MeasureEntry,
} from "./page-probes";
import {
  BrokenRun,
  contentScriptMeasures,
  POPUP_TO_SWITCH_MS,
  READER_DELAY_MS,
  SETTLE_MS,
  sleep,
  toggleMeasures,
  VIEW_SETTLE_MS,
  workOf,
} from "./protocol";

/** Where a page is served for the "without" loads: a host no content script matches, in the same browser. */
export const CONTROL_ORIGIN = "https://bench-control.invalid";

export interface FirefoxLoads {
  /** Load event, ms: with the content script, and the same page where it does not run. */
  withExtension: number[];
  without: number[];
  /** Sum of the content script's measures at load, ms. */
  work: number[];
}

export type FirefoxToggle = ReturnType<typeof toggleMeasures>;

export interface FirefoxFigures {
  version: string;
  /** The smallest step of performance.now() in a page: Firefox rounds its clocks (reduceTimerPrecision). */
  timerResolutionMs: number;
  loads: FirefoxLoads[];
  viaPopup: FirefoxToggle[];
  viaKey: FirefoxToggle[];
  waiting: { measures: MeasureEntry[]; endedAt: number };
  updates: LiveFigures;
}

const measuresOf = (tab: Tab) => tab.evaluate(readLeesrustMeasures, undefined);

async function loadTime(tab: Tab, what: string): Promise<number> {
  const timing = await tab.evaluate(readLoadTiming, undefined);
  if (!timing) throw new BrokenRun(`No navigation timing for ${what} in Firefox.`);
  return timing.load;
}

/** One load with the extension (a new tab each time: the harness opens one per page) and one without. */
async function loadBoth(session: FirefoxSession, fixture: Fixture) {
  const tab = await session.open(fixture);
  await contentScriptMeasures(() => measuresOf(tab), `${fixture.name} in Firefox`);
  await sleep(SETTLE_MS);
  const work = workOf(await measuresOf(tab));
  const withExtension = await loadTime(tab, fixture.name);
  await tab.close();
  const control = await session.open(fixture, `${CONTROL_ORIGIN}/${fixture.name}`);
  await sleep(SETTLE_MS);
  if ((await measuresOf(control)).length > 0) throw new BrokenRun("The content script ran on the control host: the with/without comparison is void.");
  const without = await loadTime(control, fixture.name);
  await control.close();
  return { withExtension, without, work };
}

async function request(session: FirefoxSession, tab: Tab, message: Request) {
  const status = await session.request(tab, message);
  if (!status) throw new BrokenRun(`The content script did not answer ${message.type} on the seed page in Firefox.`);
  return status;
}

/** As the Chromium run's toggleToPaint, timed by the page's clocks: see the module comment. */
async function toggle(session: FirefoxSession, seed: Fixture, popup: boolean): Promise<FirefoxToggle> {
  const tab = await session.open(seed);
  await contentScriptMeasures(() => measuresOf(tab), "the seed page in Firefox");
  await sleep(READER_DELAY_MS);
  const atLoad = (await measuresOf(tab)).length;
  if (popup) {
    await request(session, tab, { type: "leesrust:get-status" });
    await sleep(POPUP_TO_SWITCH_MS);
  }
  const ahead = (await measuresOf(tab)).slice(atLoad);
  await tab.evaluate(armPaintProbe, VIEW_HOST);
  const status = await request(session, tab, popup ? { type: "leesrust:set-view", open: true } : { type: "leesrust:toggle-view" });
  if (status.state !== "open") throw new BrokenRun(`The reading view did not open on the seed page in Firefox (state ${status.state}).`);
  await sleep(VIEW_SETTLE_MS);
  const probe = await waitFor("the reading view's frames in Firefox", () => tab.evaluate(readPaintProbe, undefined)).catch(() => {
    throw new BrokenRun("The reading view opened in Firefox but its frames were never seen in the page.");
  });
  const measures = (await measuresOf(tab)).slice(atLoad + ahead.length);
  await tab.close();
  return toggleMeasures(ahead, measures, probe.secondFrame, "in Firefox");
}

async function costOfWaiting(session: FirefoxSession, mutating: Fixture) {
  const tab = await session.open(mutating);
  await contentScriptMeasures(() => measuresOf(tab), "the mutating page in Firefox");
  const { endedAt } = await waitFor("the page to stop mutating", () => tab.evaluate(() => window.__benchMutations, undefined), MUTATE_FOR_MS + 5000);
  // Long enough for a watch that is still running to notice the quiet and stop.
  await sleep(2500);
  const measures = await measuresOf(tab);
  await tab.close();
  return { measures, endedAt };
}

/** The 1 MB liveblog with a new moment every 2 s for 60 s while the view is open: each update's measures. */
async function liveUpdates(session: FirefoxSession, updating: Fixture): Promise<LiveFigures> {
  const tab = await session.open(updating);
  await contentScriptMeasures(() => measuresOf(tab), "the updating liveblog in Firefox");
  const status = await session.request(tab, { type: "leesrust:set-view", open: true });
  if (status?.state !== "open") throw new BrokenRun("The view did not open on the updating liveblog in Firefox.");
  await waitFor("the liveblog's view in Firefox", () => tab.inView((root) => root?.querySelector("article:not([aria-busy])") !== null, undefined));
  await sleep(1000);
  const from = await tab.evaluate(() => performance.now(), undefined);
  await tab.evaluate(() => window.__benchLive!.start(), undefined);
  const done = await waitFor("the liveblog's last change", () => tab.evaluate(() => window.__benchLive!.done, undefined), LIVE_RUN_MS + 10_000);
  await waitFor("the view to show every new moment", async () => (await tab.inView(benchMomentsShown, undefined)) === done.ticks, 5000).catch(() => {
    throw new BrokenRun("The view in Firefox did not show every new moment of the updating liveblog.");
  });
  // The last correction's read comes within a gap of it.
  await sleep(2500);
  const measures = (await measuresOf(tab)).filter((m) => m.start >= from);
  await tab.close();
  return updatesOf(measures, done, "in Firefox");
}

/** Only the live liveblog's figures (BENCH_BROWSER_ONLY=live). */
export async function benchFirefoxLive(updating: Fixture): Promise<Pick<FirefoxFigures, "version" | "updates">> {
  const session = await FirefoxSession.launch({ marks: true });
  try {
    const tab = await session.open(updating);
    const version = await tab.evaluate(() => navigator.userAgent.match(/Firefox\/[\d.]+/)?.[0] ?? navigator.userAgent, undefined);
    await tab.close();
    return { version, updates: await liveUpdates(session, updating) };
  } finally {
    await session.close();
  }
}

/** Every Firefox figure, `runs` times each after one warm-up, in one browser session. */
export async function benchFirefox(fixtures: { large: Fixture; seed: Fixture; mutating: Fixture; updating: Fixture }, runs: number): Promise<FirefoxFigures> {
  const session = await FirefoxSession.launch({ marks: true });
  try {
    const first = await session.open(fixtures.seed);
    const version = await first.evaluate(() => navigator.userAgent.match(/Firefox\/[\d.]+/)?.[0] ?? navigator.userAgent, undefined);
    const timerResolutionMs = await first.evaluate(readTimerResolution, undefined);
    await first.close();

    const cases = [fixtures.large, fixtures.seed];
    const loads: FirefoxLoads[] = cases.map(() => ({ withExtension: [], without: [], work: [] }));
    for (const fixture of cases) await loadBoth(session, fixture); // warm-up
    for (let run = 0; run < runs; run++) {
      for (const [i, fixture] of cases.entries()) {
        const { withExtension, without, work } = await loadBoth(session, fixture);
        loads[i]!.withExtension.push(withExtension);
        loads[i]!.without.push(without);
        loads[i]!.work.push(work);
      }
    }

    const viaPopup: FirefoxToggle[] = [];
    const viaKey: FirefoxToggle[] = [];
    await toggle(session, fixtures.seed, true); // warm-up
    for (let run = 0; run < runs; run++) {
      viaPopup.push(await toggle(session, fixtures.seed, true));
      viaKey.push(await toggle(session, fixtures.seed, false));
    }
    const waiting = await costOfWaiting(session, fixtures.mutating);
    return { version, timerResolutionMs, loads, viaPopup, viaKey, waiting, updates: await liveUpdates(session, fixtures.updating) };
  } finally {
    await session.close();
  }
}
