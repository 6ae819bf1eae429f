// Builds the extension for both browsers from one source manifest:
//   node build.mjs                 → dist/chrome and dist/firefox (minified, no sourcemaps)
//   node build.mjs --watch         → the same, rebuilt on every change (with sourcemaps)
//   node build.mjs --out DIR       → into DIR/chrome and DIR/firefox (used by the tests)
//   node build.mjs --marks …       → with the content script's performance marks, which the
//                                    benchmarks and one browser test read; never shipped (a page
//                                    can read them, and they tell it Leesrust is installed)
// Fails when a bundle grows past its budget or a manifest names a missing message.
// Browser minimums in manifest.json: Firefox 140 (data_collection_permissions). Firefox for Android
// 142, the first to have data_collection_permissions (Mozilla's built-in data consent), the newest
// of what Leesrust uses there; MV3's action, storage, tabs.getCurrent and content scripts' import()
// of a web-accessible module all came earlier (use_dynamic_url Firefox ignores). No windows API, no
// commands, no badge there: nothing depends on them (background.ts, popup.ts).
// Chrome 132, the first release whose use_dynamic_url (which keeps reader.js from revealing the
// extension to pages) lets a content script import() the resource; 130–131 refused it by CSP.
import * as esbuild from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * Size budgets of the minified bundles, in KB (1024 bytes). content.js (detection) runs on
 * every DPG page; reader.js (extraction and the reading view) only where detection finds something
 * or the reader asks for the view; read-aloud.js only when the reader presses "Voorlezen"; live.js
 * only when the page changes while the view is open (a liveblog's new moment, a corrected article).
 * reader.js went from 50 to 64 KB with issues 11 and 14: about 6 KB of extraction (the 2026
 * templates, promotions by what they are, photo series, the anchored reading of unknown layouts),
 * the rest the redesigned toolbar and popovers, the notes' wording, liveblog jumps and the block
 * size estimates that keep a long view's scrollbar steady. Issue 17 (real July-2026 pages, read
 * with or without their hooks) added about 11 KB of extraction: header and body furniture, display
 * dates, pull quotes, paid parts (about 5 KB), photo series, loose photos and the players of more
 * platforms (about 6 KB); issue 18's cheap live updates read only the parts a liveblog adds (core
 * fragment.ts, 0.7 KB) beside the body reading they reuse; hence 80 KB. content.js grew to about
 * 30 KB by the page-head and family-root checks that keep a badge off pages without an article,
 * and by issue 18's merge of a liveblog's added blocks; hence 32 KB.
 */
export const BUDGETS_KB = {
  "content.js": 32,
  "reader.js": 80,
  "read-aloud.js": 10,
  "live.js": 8,
  "copy.js": 8,
  "background.js": 5,
  "popup.js": 10,
  "options.js": 12,
  "welcome.js": 2,
};

/** Classic scripts (content scripts and service workers cannot be modules everywhere). */
const SCRIPTS = {
  content: "src/inject/content.ts",
  background: "src/background/background.ts",
  popup: "src/ui/popup.ts",
  options: "src/ui/options.ts",
  welcome: "src/ui/welcome.ts",
};
/** ES modules, imported at run time by the content script: the reader; read aloud, following the page and the copy formats on first use. */
const MODULES = {
  reader: "src/inject/reader.ts",
  "read-aloud": "src/inject/view/read-aloud.ts",
  live: "src/inject/view/live.ts",
  copy: "src/inject/view/copy-formats.ts",
};

const STATIC_FILES = ["src/ui/popup.html", "src/ui/options.html", "src/ui/welcome.html", "src/ui/base.css", "src/ui/popup.css", "src/ui/options.css"];
const ICON_SIZES = [16, 32, 48, 128];
const TARGETS = ["chrome132", "firefox140"];

const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));

/**
 * Both match forms per domain (`*.` alone would miss the bare domain), https only: every DPG
 * title serves https, and on a plain-http page anyone on the network path could rewrite the
 * page the content script reads and the view it shows.
 */
export function contentMatches() {
  return readJson("src/core/dpg-sites.json").sites.flatMap(({ domain }) => [`https://*.${domain}/*`, `https://${domain}/*`]);
}

export function manifestFor(browser) {
  const source = readJson("manifest.json");
  const { version } = readJson("package.json");
  const manifest = { ...source, version };
  manifest.content_scripts = source.content_scripts.map((cs) => ({ ...cs, matches: contentMatches() }));
  manifest.web_accessible_resources = source.web_accessible_resources.map((war) => ({ ...war, matches: contentMatches() }));
  if (browser === "chrome") {
    manifest.background = { service_worker: "background.js" };
    delete manifest.browser_specific_settings;
  } else {
    manifest.background = { scripts: ["background.js"] };
    delete manifest.minimum_chrome_version;
  }
  return manifest;
}

/** Every __MSG_key__ in the manifest must exist in every locale, or the browser shows the raw key. */
function checkMessages(manifest) {
  const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
  const problems = [];
  for (const locale of readdirSync(join(ROOT, "src/_locales"))) {
    const messages = readJson(`src/_locales/${locale}/messages.json`);
    for (const key of keys) if (!(key in messages)) problems.push(`${locale}: missing message "${key}"`);
  }
  return problems;
}

function copyStatics(outDir) {
  for (const file of STATIC_FILES) cpSync(join(ROOT, file), join(outDir, file.split("/").pop()));
  cpSync(join(ROOT, "src/_locales"), join(outDir, "_locales"), { recursive: true });
  mkdirSync(join(outDir, "icons"), { recursive: true });
  for (const size of ICON_SIZES) cpSync(join(ROOT, `icons/icon-${size}.png`), join(outDir, `icons/icon-${size}.png`));
}

function writeManifests(outRoot) {
  const problems = [];
  for (const browser of ["chrome", "firefox"]) {
    const manifest = manifestFor(browser);
    problems.push(...checkMessages(manifest));
    writeFileSync(join(outRoot, browser, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  }
  return problems;
}

/** Prints every bundle's size and returns the ones over budget. */
export function checkBudgets(dir) {
  const over = [];
  for (const [file, budget] of Object.entries(BUDGETS_KB)) {
    const kb = statSync(join(dir, file)).size / 1024;
    const flag = kb > budget ? "  OVER BUDGET" : "";
    console.log(`  ${file.padEnd(14)} ${kb.toFixed(1).padStart(6)} KB  (budget ${budget} KB)${flag}`);
    if (kb > budget) over.push(`${file} is ${kb.toFixed(1)} KB, over its budget of ${budget} KB`);
  }
  return over;
}

function esbuildOptions(outDir, dev, marks) {
  const common = {
    absWorkingDir: ROOT,
    outdir: outDir,
    bundle: true,
    target: TARGETS,
    minify: true,
    sourcemap: dev ? "linked" : false,
    legalComments: "none",
    // Both browsers' own promise APIs instead of the polyfill: 10 KB less in every bundle (see the module).
    alias: { "webextension-polyfill": "./src/shared/browser-api.ts" },
    logLevel: "warning",
    // false in shipped bundles: the minifier then drops every performance mark and measure.
    define: { __LEESRUST_MARKS__: String(marks) },
  };
  return [
    { ...common, entryPoints: SCRIPTS, format: "iife" },
    // reader.js is fetched ahead, while the reader is still on the page, and then runs all at
    // once on the toggle: V8's compile hint has it compile every function at fetch time, which
    // takes ~3 ms of lazy compilation off the way from the toggle to the view's first frame.
    // Browsers without explicit compile hints (Firefox) read it as a plain comment.
    { ...common, entryPoints: MODULES, format: "esm", banner: { js: "//# allFunctionsCalledOnLoad" } },
  ];
}

/** Bundles once into <outRoot>/chrome, then copies the same files to <outRoot>/firefox. */
async function buildOnce(outRoot, dev, marks, contexts) {
  const chromeDir = join(outRoot, "chrome");
  const firefoxDir = join(outRoot, "firefox");
  if (contexts) await Promise.all(contexts.map((context) => context.rebuild()));
  else await Promise.all(esbuildOptions(chromeDir, dev, marks).map((options) => esbuild.build(options)));
  copyStatics(chromeDir);
  rmSync(firefoxDir, { recursive: true, force: true });
  cpSync(chromeDir, firefoxDir, { recursive: true });
  const problems = writeManifests(outRoot);
  console.log(`Built ${outRoot}/{chrome,firefox}`);
  problems.push(...checkBudgets(chromeDir));
  return problems;
}

function fail(problems) {
  console.error("\nBuild failed:\n" + problems.map((p) => `  - ${p}`).join("\n"));
  process.exitCode = 1;
}

async function main(argv) {
  const watchMode = argv.includes("--watch");
  const marks = argv.includes("--marks");
  const outIndex = argv.indexOf("--out");
  const outRoot = resolve(ROOT, outIndex >= 0 ? argv[outIndex + 1] : "dist");
  // The output folder is emptied first: never the project itself or a folder above it.
  if (relative(outRoot, ROOT) === "" || !relative(outRoot, ROOT).startsWith("..")) {
    throw new Error(`refusing to build into ${outRoot}: it holds the project`);
  }
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(join(outRoot, "chrome"), { recursive: true });

  if (!watchMode) {
    const problems = await buildOnce(outRoot, false, marks);
    if (problems.length) fail(problems);
    return;
  }

  // One watcher for sources and static files alike; bursts of changes coalesce into one rebuild.
  const contexts = await Promise.all(esbuildOptions(join(outRoot, "chrome"), true, marks).map((options) => esbuild.context(options)));
  let pending = null;
  const rebuild = () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      try {
        const problems = await buildOnce(outRoot, true, marks, contexts);
        if (problems.length) console.error(problems.map((p) => `  ! ${p}`).join("\n"));
      } catch (error) {
        console.error(error.message);
      }
    }, 100);
  };
  rebuild();
  for (const path of ["src", "manifest.json", "icons"]) {
    if (existsSync(join(ROOT, path))) watch(join(ROOT, path), { recursive: true }, rebuild);
  }
  console.log("Watching for changes (Ctrl+C to stop)…");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => fail([error.message]));
}
