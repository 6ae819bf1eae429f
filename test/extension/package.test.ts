// @vitest-environment node
/**
 * `npm run package`'s archives, made from a fresh build: the store archives hold the built
 * extension at their root with package.json's version and nothing else, and the source
 * archive rebuilds the Firefox archive's files byte for byte.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveNames, packageRelease, type Archives } from "../../scripts/lib/packaging";
import { ROOT } from "./helpers";
import { filesNamedBy, type Manifest } from "./extension-files";

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
const STORES = ["chrome", "firefox"] as const;

let tmp = "";
let archives: Archives;
const zips = {} as Record<keyof Archives, JSZip>;

const buildInto = (cwd: string, out: string) => {
  const build = spawnSync(process.execPath, ["build.mjs", "--out", out], { cwd, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build in ${cwd} failed: ${build.stderr}`);
};

/** Every file of the archive (folders left out) with its bytes. */
async function contents(zip: JSZip): Promise<Map<string, Buffer>> {
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return new Map(await Promise.all(files.map(async (f) => [f.name, await f.async("nodebuffer")] as const)));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "leesrust-package-"));
  buildInto(ROOT, join(tmp, "build"));
  archives = await packageRelease(ROOT, join(tmp, "build"), join(tmp, "packages"), version);
  for (const [kind, path] of Object.entries(archives)) zips[kind as keyof Archives] = await JSZip.loadAsync(readFileSync(path));
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("npm run package", () => {
  it("names the three archives with package.json's version, and writes nothing else", () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.values(archives).map((path) => basename(path))).toEqual([
      `leesrust-chrome-${version}.zip`,
      `leesrust-firefox-${version}.zip`,
      `leesrust-source-${version}.zip`,
    ]);
    expect(Object.values(archiveNames(version)).sort()).toEqual(readdirSync(join(tmp, "packages")).sort());
  });

  it.each(STORES)("%s: the manifest at the root, with package.json's version", async (store) => {
    const manifest = JSON.parse(await zips[store].file("manifest.json")!.async("string")) as Manifest;
    expect(manifest.version).toBe(version);
    expect(manifest.manifest_version).toBe(3);
  });

  it.each(STORES)("%s: exactly the files the manifest and pages name: no source maps, tests or sources", async (store) => {
    const files = await contents(zips[store]);
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as Manifest;
    const named = filesNamedBy(manifest, (page) => files.get(page)?.toString("utf8") ?? "");
    expect([...files.keys()].sort()).toEqual(named);
    expect([...files.keys()].filter((f) => /\.(map|ts)$/.test(f))).toEqual([]);
  });

  it("firefox: the stable add-on id", async () => {
    const manifest = JSON.parse(await zips.firefox.file("manifest.json")!.async("string")) as Manifest;
    expect(manifest.browser_specific_settings.gecko.id).toBe("leesrust@leesrust.nl");
  });

  it("the source archive holds the build instructions and rebuilds the Firefox archive's files exactly", async () => {
    const source = await contents(zips.source);
    const top = `leesrust-source-${version}/`;
    expect([...source.keys()].filter((f) => !f.startsWith(top))).toEqual([]);
    for (const needed of ["docs/BUILDING-FOR-AMO.md", "package-lock.json", "build.mjs", "manifest.json"]) expect(source.has(top + needed), needed).toBe(true);
    expect([...source.keys()].filter((f) => /\/(test|dist|node_modules)\//.test(f))).toEqual([]);

    const unpacked = join(tmp, "source");
    for (const [name, bytes] of source) {
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), bytes);
    }
    // `npm ci` would install the same packages from the lockfile; the test borrows the project's.
    symlinkSync(join(ROOT, "node_modules"), join(unpacked, top, "node_modules"));
    buildInto(join(unpacked, top), join(tmp, "rebuilt"));
    const submitted = await contents(zips.firefox);
    for (const [name, bytes] of submitted) expect(readFileSync(join(tmp, "rebuilt/firefox", name)).equals(bytes), name).toBe(true);
  }, 60_000);
});
