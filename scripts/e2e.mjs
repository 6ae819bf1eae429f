// The browser tests: the whole suite on the system's chromium and firefox-esr, then every test of
// one browser (its describe names start with the browser's name) again on each other version of
// it that scripts/browsers.sh unpacked into
// .cache/browsers/ (Debian's older builds, down to the manifest's minimum). Arguments (a file,
// -t …) go to vitest and run that selection on the system's browsers only. Exits non-zero when
// any run fails.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const CACHE = ".cache/browsers";
const BROWSERS = [
  { binary: "usr/lib/chromium/chromium", env: "CHROMIUM_PATH", only: "^Chromium" },
  { binary: "usr/lib/firefox-esr/firefox-esr", env: "FIREFOX_PATH", only: "^Firefox" },
];
const args = process.argv.slice(2);

function version(binary) {
  return spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout.trim() || binary;
}

function vitest(title, env, filters) {
  console.log(`\n=== Browser tests: ${title}`);
  const run = spawnSync("npx", ["vitest", "run", "--config", "vitest.e2e.config.ts", ...filters, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return run.status === 0;
}

const system = [version(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"), version(process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr")];
const results = [[system.join(", "), vitest(system.join(", "), {}, [])]];
const older = existsSync(CACHE) && args.length === 0 ? readdirSync(CACHE).sort() : [];
for (const dir of older) {
  for (const { binary, env, only } of BROWSERS) {
    const path = join(CACHE, dir, binary);
    if (!existsSync(path)) continue;
    const name = version(path);
    results.push([name, vitest(name, { [env]: path }, ["-t", only])]);
  }
}

console.log("\nBrowser test runs:");
for (const [name, ok] of results) console.log(`  ${ok ? "passed" : "FAILED"}  ${name}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
