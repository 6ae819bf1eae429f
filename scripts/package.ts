/**
 * `npm run package`: after a fresh `npm run build`, the release archives in dist/packages/ —
 * Chrome Web Store, addons.mozilla.org (lint clean) and the source archive AMO asks for.
 * Refuses when the source has uncommitted changes: the source archive must be a commit that
 * rebuilds the submitted files (docs/BUILDING-FOR-AMO.md).
 */
import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRelease, uncommittedSources } from "./lib/packaging";
import { lint, lintProblems } from "./lib/web-ext";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DIST = join(ROOT, "dist");

async function main(): Promise<string[]> {
  const uncommitted = uncommittedSources(ROOT);
  if (uncommitted.length) return ["commit these first, so the source archive is the code that was built:", ...uncommitted];
  const problems = lintProblems(await lint(join(DIST, "firefox")));
  if (problems.length) return ["web-ext lint on dist/firefox:", ...problems];
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const archives = await packageRelease(ROOT, DIST, join(DIST, "packages"), version);
  for (const path of Object.values(archives)) console.log(`  ${relative(ROOT, path).padEnd(44)} ${statSync(path).size} bytes`);
  return [];
}

main().then(
  (problems) => {
    if (!problems.length) return;
    console.error(`npm run package: ${problems.join("\n  ")}`);
    process.exitCode = 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
