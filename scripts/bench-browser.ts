/**
 * `npm run bench:browser`: the real-browser half of the performance issue. Debian Chromium
 * and Firefox ESR with the built extension (the e2e harness), fixtures served at their real
 * addresses and every other request refused; Chromium's figures side by side with Firefox's,
 * or the reason Firefox cannot give one (scripts/lib/bench-browser/firefox.ts):
 *   1. page load with and without the extension, and the content script's own work at load
 *      (its `leesrust:*` performance measures), on the largest fixture and the seed page;
 *   2. toggle to first frame of the reading view on the seed page;
 *   3. the content script's total time on a page that mutates every 16 ms for 10 s;
 *   4. frame times while scrolling the reading view of the 1 MB liveblog (scroll-frames.ts);
 *   5. the view following that liveblog while the page adds a moment every 2 s for 60 s (updating-liveblog.ts).
 * Timings only report (they flake); the run fails only when it is broken (no extension,
 * no measures, no view).
 */
import { cpus } from "node:os";
import type { BrowserContext, Page } from "playwright-core";
import { ChromiumSession, ChromiumTab } from "../test/e2e/harness/chromium";
import { loadFixture, SEED, type Fixture } from "./lib/fixtures";
import { VIEW_HOST } from "../test/e2e/harness/reading-view";
import { waitFor } from "../test/e2e/harness/session";
import type { Request } from "../src/shared/messages";
import { BrokenRun, contentScriptMeasures, GOAL, POPUP_TO_SWITCH_MS, READER_DELAY_MS, SETTLE_MS, sleep, toggleMeasures, VIEW_SETTLE_MS, workOf } from "./lib/bench-browser/protocol";
import { benchFirefox, benchFirefoxLive, CONTROL_ORIGIN, type FirefoxToggle } from "./lib/bench-browser/firefox";
import { ExtensionProfiler, type ExtensionCpu } from "./lib/bench-browser/extension-cpu";
import { MUTATE_EVERY_MS, MUTATE_FOR_MS, mutatingFixture } from "./lib/bench-browser/mutating-page";
import { measuresCpu, PageTrace, toFirstFrame } from "./lib/bench-browser/page-trace";
import {
  armPaintProbe,
  readLeesrustMeasures,
  readLoadTiming,
  readPaintProbe,
  type LoadTiming,
} from "./lib/bench-browser/page-probes";
import { heapAfterGc } from "./lib/bench-browser/heap";
import { liveblogScrollRows } from "./lib/bench-browser/scroll-frames";
import { launchPlainChromium, type PlainChromium } from "./lib/bench-browser/plain-context";
import { median, sum } from "./lib/stats";
import { benchMomentsShown, EDITS, LIVE_RUN_MS, UPDATE_EVERY_MS, UPDATE_FOR_MS, updateTasksCpu, updatesOf, updatingLiveblogFixture, type LiveFigures } from "./lib/bench-browser/updating-liveblog";

const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 11);
/** BENCH_BROWSER_ONLY=live: only the live liveblog's rows (two minutes instead of the whole run). */
const ONLY_LIVE = process.env.BENCH_BROWSER_ONLY === "live";
/** Flings through the liveblog's view: each is some 780 frames, so a few give plenty. */
const SCROLL_RUNS = 3;
const LARGE = "ad-current-liveblog-hittegolf-large";
/** Time from Alt and Shift held to the L of the shortcut (a quick chord); the view is built ahead meanwhile. */
const MODIFIERS_TO_KEY_MS = 150;

interface Row {
  figure: string;
  values: number[];
  /** Firefox's figure, or why Firefox cannot give it. */
  firefox: number[] | string;
  goal?: number;
}

async function loadTiming(page: Page, what: string): Promise<LoadTiming> {
  const timing = await page.evaluate(readLoadTiming);
  if (!timing) throw new BrokenRun(`No navigation timing for ${what}.`);
  return timing;
}

/**
 * Loads `url` in `page` (one tab per side, navigated again each run, so both sides reuse their
 * renderer alike instead of one side paying for new processes), traced from before the
 * navigation: both sides, so tracing costs both the same.
 */
async function tracedLoad(page: Page, url: string): Promise<PageTrace> {
  const trace = await PageTrace.start(page);
  await page.goto(url, { waitUntil: "load" });
  return trace;
}

/** One load with the extension: load timing and the measures recorded by the time the content script is done. */
async function loadWithExtension(page: Page, fixture: Fixture, url: string) {
  const trace = await tracedLoad(page, url);
  await contentScriptMeasures(() => page.evaluate(readLeesrustMeasures), fixture.name);
  await sleep(SETTLE_MS);
  const measures = await page.evaluate(readLeesrustMeasures);
  const timing = await loadTiming(page, fixture.name);
  const events = await trace.stop();
  const beforeLoad = Math.min(...measures.map((m) => m.start)) < timing.load;
  return { timing, work: workOf(measures), cpu: measuresCpu(events, "leesrust:"), beforeLoad, heap: await heapAfterGc(page) };
}

async function loadWithout(page: Page, url: string, name: string) {
  const trace = await tracedLoad(page, url);
  await sleep(SETTLE_MS);
  if ((await page.evaluate(readLeesrustMeasures)).length > 0) {
    throw new BrokenRun("The extension ran in the context that should have none: the with/without comparison is void.");
  }
  const timing = await loadTiming(page, name);
  await trace.stop();
  return { timing, heap: await heapAfterGc(page) };
}

/**
 * Opens the view on a fresh seed tab and times it from the toggle's arrival in the content
 * script (the start of the first measure it records for the toggle) to the view's first frame.
 * "popup": the popup asked for the status first (which extracts and builds the view ahead), as
 * opening the popup does, then its switch sends set-view. "keys": Alt and Shift are held in the
 * page first (which does the same), then the keyboard command's toggle-view arrives. "cold": the
 * toggle-view arrives with no warning (focus outside the page, or a changed shortcut).
 */
async function toggleToPaint(session: ChromiumSession, context: BrowserContext, url: string, way: "popup" | "keys" | "cold") {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const tab = new ChromiumTab(page, url);
  await contentScriptMeasures(() => page.evaluate(readLeesrustMeasures), "the seed page");
  await sleep(READER_DELAY_MS);
  const atLoad = (await page.evaluate(readLeesrustMeasures)).length;
  if (way === "popup") {
    await request(session, tab, { type: "leesrust:get-status" });
    await sleep(POPUP_TO_SWITCH_MS);
  } else if (way === "keys") {
    await page.keyboard.down("Alt");
    await page.keyboard.down("Shift");
    await sleep(MODIFIERS_TO_KEY_MS);
  }
  const ahead = (await page.evaluate(readLeesrustMeasures)).slice(atLoad);
  const before = atLoad + ahead.length;
  await page.evaluate(armPaintProbe, VIEW_HOST);
  const trace = await PageTrace.start(page);
  const status = await request(session, tab, way === "popup" ? { type: "leesrust:set-view", open: true } : { type: "leesrust:toggle-view" });
  if (status.state !== "open") throw new BrokenRun(`The reading view did not open on the seed page (state ${status.state}${status.reason ? `: ${status.reason}` : ""}).`);
  // No probing while the view paints: DevTools calls would run on the page's main thread too.
  await sleep(VIEW_SETTLE_MS);
  const events = await trace.stop();
  if (way === "keys") {
    await page.keyboard.up("Shift");
    await page.keyboard.up("Alt");
  }
  const probe = await waitFor("the reading view's first frame", () => page.evaluate(readPaintProbe)).catch(() => {
    throw new BrokenRun("The reading view opened but its first frame was never seen in the page.");
  });
  const measures = (await page.evaluate(readLeesrustMeasures)).slice(before);
  const figures = toggleMeasures(ahead, measures, probe.secondFrame, "in Chromium");
  const frame = toFirstFrame(events, "leesrust:", "leesrust:open-view");
  if (!frame) throw new BrokenRun("The trace holds no painted frame after the view opened.");
  await page.close();
  return { ...figures, firstFrame: frame.wall, cpu: frame.cpu, rendering: frame.rendering };
}

type ToggleRun = Awaited<ReturnType<typeof toggleToPaint>>;

async function request(session: ChromiumSession, tab: ChromiumTab, message: Request) {
  const status = await session.request(tab, message);
  if (!status) throw new BrokenRun(`The content script did not answer ${message.type} on the seed page.`);
  return status;
}

/** One page that mutates for 10 s: every measure the content script records meanwhile, their CPU, and its sampled JS time. */
async function costOfWaiting(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const trace = await PageTrace.start(page);
  // The profiler belongs to the page's renderer, which the navigation replaces: started once the new document is committed.
  await page.goto(url, { waitUntil: "commit" });
  const profiler = await ExtensionProfiler.start(page);
  await contentScriptMeasures(() => page.evaluate(readLeesrustMeasures), "the mutating page");
  const mutations = await waitFor("the page to stop mutating", () => page.evaluate(() => window.__benchMutations), MUTATE_FOR_MS + 5000);
  // Long enough for a watch that is still running to notice the quiet and stop.
  await sleep(2500);
  const measures = await page.evaluate(readLeesrustMeasures);
  const profile = await profiler.stop();
  const measuresCpuMs = measuresCpu(await trace.stop(), "leesrust:");
  await page.close();
  return { ...mutations, measures, measuresCpuMs, profile };
}

/** The view open on the 1 MB liveblog while it adds a moment every 2 s for 60 s: each update's measures and task CPU, and all extension JS over the minute. */
async function liveUpdates(session: ChromiumSession, fixture: Fixture) {
  const tab = (await session.open(fixture)) as ChromiumTab;
  await contentScriptMeasures(() => tab.page.evaluate(readLeesrustMeasures), "the updating liveblog");
  if ((await request(session, tab, { type: "leesrust:set-view", open: true })).state !== "open") throw new BrokenRun("The view did not open on the updating liveblog.");
  await waitFor("the liveblog's view", () => tab.inView((root) => root?.querySelector("article:not([aria-busy])") !== null, undefined));
  await sleep(1000);
  const trace = await PageTrace.start(tab.page);
  const profiler = await ExtensionProfiler.start(tab.page);
  const from = await tab.page.evaluate(() => performance.now());
  await tab.page.evaluate(() => window.__benchLive!.start());
  const done = await waitFor("the liveblog's last change", () => tab.page.evaluate(() => window.__benchLive!.done), LIVE_RUN_MS + 10_000);
  await waitFor("the view to show every new moment", async () => (await tab.inView(benchMomentsShown, undefined)) === done.ticks, 5000).catch(() => {
    throw new BrokenRun("The view did not show every new moment of the updating liveblog.");
  });
  // The last correction's read comes within a gap of it.
  await sleep(2500);
  const measures = (await tab.page.evaluate(readLeesrustMeasures)).filter((m) => m.start >= from);
  const profile = await profiler.stop();
  const tasksCpu = updateTasksCpu(await trace.stop());
  await tab.close();
  const updates = updatesOf(measures, done, "in Chromium");
  // One task per read, in order: the corrections' are the last ones.
  return { ticks: done.ticks, updates, addsCpu: tasksCpu.slice(0, -EDITS), editsCpu: tasksCpu.slice(-EDITS), profile };
}

type LiveRun = Awaited<ReturnType<typeof liveUpdates>>;
const updateWork = (updates: { read: number; apply: number }[]) => updates.map((u) => u.read + u.apply);
/** An addition's work as a share of a correction's (a full re-read) in the same run, medians, %. */
const share = (live: LiveFigures) => (100 * median(updateWork(live.adds))) / median(updateWork(live.edits));

/** The live liveblog's rows: the additions (read alone), the corrections (the page read whole) for comparison, the minute's sums. */
function liveRows(live: LiveRun, firefox: LiveFigures): Row[] {
  return [
    { figure: "Live liveblog: each update, re-read + insert (wall)", values: updateWork(live.updates.adds), firefox: updateWork(firefox.adds), goal: GOAL.paintMs },
    { figure: "  of which the view's apply (wall)", values: live.updates.adds.map((u) => u.apply), firefox: firefox.adds.map((u) => u.apply) },
    { figure: "Live liveblog: each update's task (main-thread CPU)", values: live.addsCpu, firefox: FIREFOX_CANNOT.trace, goal: GOAL.paintMs },
    { figure: "Live liveblog: a correction, full re-read + apply (wall)", values: updateWork(live.updates.edits), firefox: updateWork(firefox.edits) },
    { figure: "Live liveblog: a correction's task (main-thread CPU)", values: live.editsCpu, firefox: FIREFOX_CANNOT.trace },
    { figure: "Live liveblog: update as % of a correction (wall, medians)", values: [share(live.updates)], firefox: [share(firefox)] },
    { figure: "Live liveblog 60 s: all updates (wall, sum)", values: [sum(updateWork(live.updates.adds))], firefox: [sum(updateWork(firefox.adds))] },
    { figure: "Live liveblog 60 s: the updates' tasks (CPU, sum)", values: [sum(live.addsCpu)], firefox: FIREFOX_CANNOT.trace },
    { figure: "Live liveblog 60 s + corrections: all extension JS (V8 profiler)", values: [live.profile.ms], firefox: FIREFOX_CANNOT.profiler },
  ];
}

/** BENCH_BROWSER_ONLY=live: the live liveblog in both browsers, nothing else. */
async function mainLive(): Promise<number> {
  const updating = updatingLiveblogFixture();
  const firefox = await benchFirefoxLive(updating);
  const session = await ChromiumSession.launch({ marks: true });
  try {
    session.site.serve(updating);
    const live = await liveUpdates(session, updating);
    console.log(`${firefox.version}, ${cpus().length} CPUs: ${cpus()[0]?.model.trim() ?? "unknown"}; only the live liveblog (BENCH_BROWSER_ONLY=live).\n`);
    printTable(liveRows(live, firefox.updates));
    console.log(`\n${live.ticks} moments added, ${UPDATE_EVERY_MS / 1000} s apart for ${UPDATE_FOR_MS / 1000} s, then ${EDITS} corrections of an old moment (each a full re-read).`);
    return 0;
  } finally {
    await session.close();
  }
}

function fmt(ms: number): string {
  return Number.isNaN(ms) ? "n/a" : ms.toFixed(1);
}

/** Median and range of one browser's figure; a reason in place of the figure prints as "n/a [k]", a footnote. */
function cells(values: number[] | string, notes: string[]): [string, string] {
  if (typeof values === "string") {
    if (!notes.includes(values)) notes.push(values);
    return [`n/a [${notes.indexOf(values) + 1}]`, ""];
  }
  const range = values.length > 1 ? `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}` : "";
  return [fmt(median(values)), range];
}

function verdict(values: number[] | string, goal: number | undefined): string {
  if (goal === undefined) return "";
  const m = typeof values === "string" ? NaN : median(values);
  return Number.isNaN(m) ? "n/a" : m < goal ? "met" : "MISSED";
}

/** One line per figure, Chromium and Firefox side by side; the reasons Firefox gives no figure below. */
function printTable(rows: Row[]): void {
  const notes: string[] = [];
  const head = `${"Figure".padEnd(58)} ${"Chromium".padStart(9)} ${"min–max".padStart(13)} ${"Firefox".padStart(9)} ${"min–max".padStart(13)} ${"goal".padStart(9)}  verdict (Chromium / Firefox)`;
  console.log(head);
  console.log("-".repeat(head.length));
  for (const row of rows) {
    const [cm, cr] = cells(row.values, notes);
    const [fm, fr] = cells(row.firefox, notes);
    const goal = row.goal === undefined ? "" : `< ${row.goal} ms`;
    const verdicts = row.goal === undefined ? "" : `${verdict(row.values, row.goal)} / ${verdict(row.firefox, row.goal)}`;
    console.log(`${row.figure.padEnd(58)} ${cm.padStart(9)} ${cr.padStart(13)} ${fm.padStart(9)} ${fr.padStart(13)} ${goal.padStart(9)}  ${verdicts}`);
  }
  console.log(notes.map((note, i) => `[${i + 1}] Firefox: ${note}`).join("\n"));
}

/** Why Firefox, driven over WebDriver BiDi, gives no figure for a row. */
const FIREFOX_CANNOT = {
  trace: "no CPU time: WebDriver BiDi has no trace of the main thread's thread time (Chromium's comes from CDP tracing).",
  frameEnd: "no end of the first frame: that needs the trace; the page's own clock sees when the next frame begins (the row below).",
  heap: "no JS heap: Firefox gives a page no performance.memory and WebDriver BiDi no heap figure; about:memory needs privileged browser access the harness does not use.",
  profiler: "no sampling profiler over WebDriver BiDi (the Firefox Profiler works from the browser's privileged side).",
  keys: "not measured: the Alt+Shift look-ahead needs key events in the page, which the Firefox bench does not send.",
  scroll: "no frame times while scrolling: they come from Chromium's trace (DrawFrame), which WebDriver BiDi has no counterpart of.",
};

async function main(): Promise<number> {
  const started = Date.now();
  const large = loadFixture(LARGE);
  const seed = loadFixture(SEED);

  const mutating = mutatingFixture();
  const updating = updatingLiveblogFixture();
  // One browser at a time: two at once on a 2-CPU machine would skew both. Each loads the build
  // with performance marks, made from the sources: the shipped build records none.
  const firefox = await benchFirefox({ large, seed, mutating, updating }, RUNS);
  const session = await ChromiumSession.launch({ marks: true });
  let plain: PlainChromium | null = null;
  try {
    const largeUrl = session.site.serve(large);
    const seedUrl = session.site.serve(seed);
    const waitingUrl = session.site.serve(mutating);
    // The harness's context (the extension loaded, every request through its fixture site).
    const first = (await session.open(seed)) as ChromiumTab;
    await contentScriptMeasures(() => first.page.evaluate(readLeesrustMeasures), "the seed page");
    const context = first.page.context();
    plain = await launchPlainChromium(session.site);
    const version = context.browser()?.version() ?? "(version unknown)";

    console.log(`Chromium ${version} (${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}, headless) and ${firefox.version} ` +
      `(${process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr"}, headless), ${cpus().length} CPUs: ${cpus()[0]?.model.trim() ?? "unknown"}; ` +
      `${RUNS} runs per figure after one warm-up.\n`);

    // Page loads, alternating with and without so drift in the machine's load hits both sides alike.
    const cases = [
      { fixture: large, url: largeUrl, page: "large fixture", size: "985 KB", short: "large" },
      { fixture: seed, url: seedUrl, page: "seed page", size: "17 KB", short: "seed" },
    ].map((c) => ({
      ...c,
      with: [] as LoadTiming[],
      without: [] as LoadTiming[],
      work: [] as number[],
      cpu: [] as number[],
      heapWith: [] as number[],
      heapWithout: [] as number[],
      beforeLoad: 0,
    }));
    const withPage = first.page;
    const plainPage = await plain.context.newPage();
    for (const c of cases) {
      await loadWithExtension(withPage, c.fixture, c.url); // warm-up: code caches, JIT
      await loadWithout(plainPage, c.url, c.fixture.name);
    }
    for (let run = 0; run < RUNS; run++) {
      for (const c of cases) {
        const withExtension = await loadWithExtension(withPage, c.fixture, c.url);
        c.with.push(withExtension.timing);
        c.heapWith.push(withExtension.heap);
        c.work.push(withExtension.work);
        c.cpu.push(withExtension.cpu);
        if (withExtension.beforeLoad) c.beforeLoad += 1;
        const without = await loadWithout(plainPage, c.url, c.fixture.name);
        c.without.push(without.timing);
        c.heapWithout.push(without.heap);
      }
    }
    await plainPage.close();

    const viaPopup: ToggleRun[] = [];
    const viaKeys: ToggleRun[] = [];
    const viaKey: ToggleRun[] = [];
    await toggleToPaint(session, context, seedUrl, "popup"); // warm-up
    for (let run = 0; run < RUNS; run++) {
      viaPopup.push(await toggleToPaint(session, context, seedUrl, "popup"));
      viaKeys.push(await toggleToPaint(session, context, seedUrl, "keys"));
      viaKey.push(await toggleToPaint(session, context, seedUrl, "cold"));
    }

    const waiting = await costOfWaiting(context, waitingUrl);
    const scrolling = await liveblogScrollRows(session, context, largeUrl, SCROLL_RUNS, GOAL.paintMs);
    session.site.serve(updating);
    const live = await liveUpdates(session, updating);
    const rechecks = waiting.measures.filter((m) => m.name === "leesrust:detect");
    const late = waiting.measures.filter((m) => m.start > waiting.endedAt);
    const ffRechecks = firefox.waiting.measures.filter((m) => m.name === "leesrust:detect");
    const ffLate = firefox.waiting.measures.filter((m) => m.start > firefox.waiting.endedAt);

    const loadMs = (t: LoadTiming[]) => t.map((x) => x.load);
    const [largeLoads, seedLoads] = cases as [(typeof cases)[0], (typeof cases)[0]];
    /** One page's loads: load event and JS heap without and with the extension, and the content script's work. */
    const loadRows = (c: (typeof cases)[number], i: number): Row[] => {
      const ff = firefox.loads[i]!;
      return [
        { figure: `Load event, ${c.page} (${c.size}), WITHOUT extension`, values: loadMs(c.without), firefox: ff.without },
        { figure: `Load event, ${c.page}, WITH extension`, values: loadMs(c.with), firefox: ff.withExtension },
        { figure: `Content-script work at load, ${c.short} (measures, wall)`, values: c.work, firefox: ff.work, goal: GOAL.loadWorkMs },
        { figure: `Content-script work at load, ${c.short} (main-thread CPU)`, values: c.cpu, firefox: FIREFOX_CANNOT.trace, goal: GOAL.loadWorkMs },
        { figure: `JS heap after load, ${c.short}, WITHOUT extension (MB)`, values: c.heapWithout, firefox: FIREFOX_CANNOT.heap },
        { figure: `JS heap after load, ${c.short}, WITH extension (MB)`, values: c.heapWith, firefox: FIREFOX_CANNOT.heap },
      ];
    };
    /** One way of opening the view: toggle to its first frame, in wall and in CPU time, and to the next frame's start. */
    const frameRows = (path: string, runs: ToggleRun[], ff: FirefoxToggle[] | string): Row[] => [
      { figure: `${path}: toggle → view's first frame (wall)`, values: runs.map((r) => r.firstFrame), firefox: FIREFOX_CANNOT.frameEnd, goal: GOAL.paintMs },
      { figure: `${path}: toggle → first frame (main-thread CPU)`, values: runs.map((r) => r.cpu), firefox: FIREFOX_CANNOT.trace, goal: GOAL.paintMs },
      { figure: "  of which style, layout, paint, commit (CPU)", values: runs.map((r) => r.rendering), firefox: FIREFOX_CANNOT.trace },
      { figure: `${path}: toggle → next frame begins (wall)`, values: runs.map((r) => r.secondFrame), firefox: typeof ff === "string" ? ff : ff.map((r) => r.secondFrame) },
    ];
    const ffWaiting = firefox.waiting.measures;
    const rows: Row[] = [
      ...cases.flatMap(loadRows),
      { figure: "Popup path: warm-faces measure (ahead, at get-status)", values: viaPopup.map((r) => r.warmFaces), firefox: firefox.viaPopup.map((r) => r.warmFaces) },
      { figure: "Popup path: open-view measure (view built ahead)", values: viaPopup.map((r) => r.openView), firefox: firefox.viaPopup.map((r) => r.openView) },
      ...frameRows("Popup path", viaPopup, firefox.viaPopup),
      { figure: "Keyboard path: open-view measure (built at Alt+Shift)", values: viaKeys.map((r) => r.openView), firefox: FIREFOX_CANNOT.keys },
      ...frameRows("Keyboard path", viaKeys, FIREFOX_CANNOT.keys),
      { figure: "Cold toggle: extract measure at toggle", values: viaKey.map((r) => r.extract), firefox: firefox.viaKey.map((r) => r.extract) },
      { figure: "Cold toggle: open-view measure (build the view)", values: viaKey.map((r) => r.openView), firefox: firefox.viaKey.map((r) => r.openView) },
      ...frameRows("Cold toggle", viaKey, firefox.viaKey),
      { figure: "Mutating page 10 s: sum of leesrust:* measures (wall)", values: [workOf(waiting.measures)], firefox: [workOf(ffWaiting)], goal: GOAL.waitingMs },
      { figure: "Mutating page 10 s: same measures (main-thread CPU)", values: [waiting.measuresCpuMs], firefox: FIREFOX_CANNOT.trace, goal: GOAL.waitingMs },
      { figure: "Mutating page 10 s: all extension JS (V8 profiler)", values: [waiting.profile.ms], firefox: FIREFOX_CANNOT.profiler, goal: GOAL.waitingMs },
      ...scrolling.map((row) => ({ ...row, firefox: FIREFOX_CANNOT.scroll })),
      ...liveRows(live, firefox.updates),
    ];
    printTable(rows);

    console.log(`
The content script began before the load event in ${largeLoads.beforeLoad} of ${RUNS} loads of the large fixture and ` +
      `${seedLoads.beforeLoad} of ${RUNS} of the seed page (document_idle); only then can its work, and the preload of the reader bundle it ` +
      `starts on a page with an offer, hold up the load event (in this harness every request, the extension's too, passes ` +
      `through Playwright's interception, which slows that preload).
Mutating page: ${waiting.ticks} mutation ticks (every ${MUTATE_EVERY_MS} ms for ${MUTATE_FOR_MS / 1000} s); ` +
      `${rechecks.length} re-checks recorded (leesrust:detect, longest ${fmt(Math.max(...rechecks.map((m) => m.duration)))} ms), ` +
      `${late.length} measures after the page went quiet.
  Heaviest extension functions there (V8 profiler, inclusive): ${formatTop(waiting.profile)}
  Firefox: ${ffRechecks.length} re-checks (longest ${fmt(Math.max(...ffRechecks.map((m) => m.duration)))} ms), ${ffLate.length} measures after the page went quiet.
Firefox's performance.now() moves in steps of ${firefox.timerResolutionMs.toFixed(3)} ms in these pages (its timer precision
  reduction), so each of its measures is rounded to that.

What the figures measure:
  Load event             navigation timing loadEventEnd, ms after navigation start; one tab per side, navigated again
                         each run. WITHOUT = a second Chromium launched like the harness's (fresh profile, same
                         flags) but without --load-extension. Both sides traced alike. Parsing the page on a busy
                         machine swings this by hundreds of ms either way; the line under the table says whether the
                         content script (document_idle) ran before the load event at all.
  Content-script work    sum of the leesrust:* performance measures the content script recorded by ${SETTLE_MS} ms after
                         its first one (at load: the glance, leesrust:detect; script evaluation, settings, messaging
                         and the reader bundle's preload are not wrapped in measures).
  JS heap                V8's used heap in the tab's renderer after a forced garbage collection, ${SETTLE_MS} ms after
                         load (every world: the page's and, WITH, the content script's, including the reader
                         bundle it preloads on a page with an offer). Figures in MB, not ms.
  (main-thread CPU)      the same span in thread time from Chromium's trace (tdur): what it costs without the waits
                         for a CPU that a busy machine adds to wall time. Measures are scaled by the CPU share of the
                         task they ran in; windows sum the main thread's tasks (DevTools' own left out).
  warm-faces measure     leesrust:warm-faces: the view built ahead has the browser find and shape its first screen's
                         faces (src/inject/view/warm-faces.ts), while the popup is open, off the toggle's path.
  open-view measure      leesrust:open-view: TabSession.buildView, from its start to the view's open() returning
                         (building the view unless built ahead, inserting it, the dialog's focus).
  toggle → first frame   from the toggle's arrival in the content script (start of the first measure it recorded for
                         it) to the end of the main-thread task that paints the first frame after open-view, both
                         from the trace: that frame's style, layout and paint done and handed to the compositor
                         (raster and display not included), nothing queued for after it.
  toggle → next frame    the second requestAnimationFrame after the view was inserted: an upper bound on "painted".
  Popup path             get-status first (opening the popup does this: it extracts, and after answering builds the
                         view ahead), then set-view {open: true}, ${READER_DELAY_MS} ms after load (reader bundle
                         preloaded by then).
  Keyboard path          Alt and Shift held in the page for ${MODIFIERS_TO_KEY_MS} ms (the content script extracts and builds the
                         view ahead on seeing them), then toggle-view, as the background relays Alt+Shift+L.
  Cold toggle            toggle-view with no warning (focus outside the page, or a shortcut the reader changed):
                         detect + extract + open-view at the toggle.
  Liveblog scroll        the reading view of the large fixture (538 blocks) scrolled top to bottom by a fixed step each
                         animation frame, traced (${SCROLL_RUNS} runs pooled, after a warm-up): intervals between the
                         compositor's DrawFrame events, and the main-thread thread time of each task that painted a
                         frame (laying out the blocks that come into view); scrollHeight range as the view saw it.
  V8 profiler            sampling profiler (100 µs, each sample counted for at most 400 µs) over the mutating page's
                         run: samples with a chrome-extension:// frame on the stack, including the mutation-observer
                         callbacks and timers no measure wraps (the profiler's own interrupts make this somewhat high).
  Live liveblog          the view open on the large fixture while the page puts a new moment at its top every
                         ${UPDATE_EVERY_MS / 1000} s for ${UPDATE_FOR_MS / 1000} s (${live.ticks} moments): per update, the content script's re-read
                         (leesrust:follow-read: only the added moment, read alone, when the page only added) plus the
                         view's apply (leesrust:follow-apply: diff, new blocks, the reader's place kept), one task; CPU
                         of that task from the trace. Then ${EDITS} corrections of an old moment, each a full re-read
                         (detect and extract): the same figures, and an update's wall time as a share of theirs. The
                         V8 profiler's extension samples over the whole run (the page's idle time included).
  Firefox                the same steps with Firefox ESR and the extension through the e2e harness (WebDriver BiDi),
                         timed by the page's own clocks only: the measures, navigation timing and requestAnimationFrame.
                         It opens a new tab for every load, and its WITHOUT is the same page in the same browser
                         at a host the content script does not match (${CONTROL_ORIGIN}).
Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s. Timings on a shared 2-CPU machine flake; the run fails only when broken.`);
    return 0;
  } finally {
    await plain?.close().catch(() => undefined);
    await session.close();
  }
}

function formatTop(cpu: ExtensionCpu): string {
  return cpu.top.length ? cpu.top.slice(0, 4).map((t) => `${t.fn} ${fmt(t.ms)} ms`).join("; ") : "none sampled";
}

(ONLY_LIVE ? mainLive() : main()).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof BrokenRun ? `bench:browser broken run: ${error.message}` : error);
    process.exitCode = 1;
  },
);
