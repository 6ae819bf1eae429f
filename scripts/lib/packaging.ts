/**
 * The archives a release ships: one per store, built from the unpacked builds in
 * `<buildRoot>/{chrome,firefox}`, and the source archive addons.mozilla.org asks for when the
 * submitted code is minified, from which a reviewer rebuilds the Firefox archive's files exactly.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { build } from "./web-ext";

export const archiveNames = (version: string) => ({
  chrome: `leesrust-chrome-${version}.zip`,
  firefox: `leesrust-firefox-${version}.zip`,
  source: `leesrust-source-${version}.zip`,
});

export type Archives = ReturnType<typeof archiveNames>;

/** What `npm ci && npm run build` needs, and the instructions; tests, fixtures and tools stay out. */
export const SOURCE_PATHS = [
  "package.json",
  "package-lock.json",
  "build.mjs",
  "manifest.json",
  "tsconfig.json",
  "src",
  "icons",
  "README.md",
  "CHANGELOG.md",
  "docs/BUILDING-FOR-AMO.md",
];

const git = (root: string, args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });

/** The tracked files under SOURCE_PATHS, as the work tree has them. */
export const sourceFiles = (root: string): string[] => git(root, ["ls-files", "-z", "--", ...SOURCE_PATHS]).split("\0").filter(Boolean);

/** Changed or untracked files under SOURCE_PATHS: with any, the source archive would not be a commit's. */
export const uncommittedSources = (root: string): string[] =>
  git(root, ["status", "--porcelain", "--untracked-files=all", "--", ...SOURCE_PATHS]).split("\n").filter(Boolean);

/** Zips `files` (paths relative to `root`) under one top folder `prefix`. */
async function zipFiles(root: string, files: string[], prefix: string, out: string): Promise<void> {
  const zip = new JSZip();
  for (const file of files) zip.file(`${prefix}/${file}`, readFileSync(join(root, file)));
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" }));
}

/** Writes the three archives for `version` into `outDir`; returns their paths. */
export async function packageRelease(root: string, buildRoot: string, outDir: string, version: string): Promise<Archives> {
  mkdirSync(outDir, { recursive: true });
  const names = archiveNames(version);
  const source = join(outDir, names.source);
  await zipFiles(root, sourceFiles(root), `leesrust-source-${version}`, source);
  return {
    chrome: await build(join(buildRoot, "chrome"), outDir, names.chrome),
    firefox: await build(join(buildRoot, "firefox"), outDir, names.firefox),
    source,
  };
}
