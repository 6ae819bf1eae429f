import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Pages only the browser tests need (same format as the fixtures). */
export const E2E_PAGES_DIR = join(ROOT, "test/e2e/pages");
/**
 * Where the view tests leave their screenshots: .tmp/ on an ordinary test run, so running the
 * tests never dirties the work tree; `npm run screenshots` points it at the README's docs/screenshots.
 */
export const SCREENSHOTS_DIR = join(ROOT, process.env.LEESRUST_SCREENSHOTS_DIR ?? ".tmp/screenshots");
export const AXE_PATH = join(ROOT, "node_modules/axe-core/axe.min.js");

export type BrowserName = "chrome" | "firefox";

/**
 * The unpacked build for one browser: what `npm run build` wrote to dist/, or, with
 * LEESRUST_E2E_BUILD=DIR, what `node build.mjs --out DIR` wrote (a build nobody else rewrites mid-run).
 */
export function builtExtension(browser: BrowserName): string {
  const dir = join(process.env.LEESRUST_E2E_BUILD ?? join(ROOT, "dist"), browser);
  if (!existsSync(join(dir, "manifest.json"))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first (\`npm run test:e2e\` does).`);
  }
  return dir;
}

let markedRoot: string | null = null;

/**
 * A build with the content script's performance marks (`build.mjs --marks`), for the tests and
 * benchmarks that read them: made from the sources once per process into `.tmp/build-with-marks`
 * (emptied first), so it is never a stale copy. Everything else tests the shipped build, which has none.
 */
export function builtExtensionWithMarks(browser: BrowserName): string {
  if (!markedRoot) {
    const out = join(ROOT, ".tmp/build-with-marks");
    const built = spawnSync(process.execPath, ["build.mjs", "--marks", "--out", out], { cwd: ROOT, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`build.mjs --marks failed:\n${built.stderr}${built.stdout}`);
    markedRoot = out;
  }
  return join(markedRoot, browser);
}
