// @vitest-environment node
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, readFixture } from "./dom";

const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const CLI = join(process.cwd(), "src", "cli", "extract.ts");

function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, CLI, ...args], { encoding: "utf8", timeout: 100_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const seed = fixturePath("ad-seed-kandahar.html");
const expected = JSON.parse(readFixture("ad-seed-kandahar.expected.json"));
const scratch = mkdtempSync(join(tmpdir(), "leesrust-cli-"));

// Each run starts node + tsx + jsdom (seconds on a busy machine): run concurrently, with room.
describe.concurrent("extract CLI", { timeout: 120_000 }, () => {
  it("prints detection and article as JSON for the seed page", async () => {
    const { code, stdout } = await run(seed);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.detected).toEqual(expected.detected);
    expect(out.bestEffort).toBe(false);
    const { url, lang, ...article } = out.article;
    // The page's JSON-LD says it was updated after publication; the fixture's expected article predates that field.
    expect(article).toEqual({ ...expected.article, modified: "2021-08-13T09:40:00+02:00" });
    expect(url).toBe(expected.url);
    expect(lang).toBe("nl");
  });

  it("prints plain text: title, intro, then one block per paragraph, a blocked post as its kind and link", async () => {
    const { code, stdout } = await run(seed, "--format", "text");
    expect(code).toBe(0);
    const parts = stdout.trimEnd().split("\n\n");
    expect(parts[0]).toBe(expected.article.title);
    expect(parts[1]).toBe(expected.article.intro);
    const line = (b: { type: string; text?: string; kind?: string }) => (b.type === "embed" ? `[blocked ${b.kind}]` : b.text);
    expect(parts.slice(2)).toEqual(expected.article.blocks.map(line));
    expect(stdout).not.toContain("Volledig scherm");
  });

  it("takes --url=… and --format=json in one-word form", async () => {
    const { code, stdout } = await run(`--url=${expected.url}`, "--format=json", seed);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).article.site).toBe("AD");
  });

  it("exits 3 with a one-line reason for a page it cannot offer", async () => {
    const file = join(scratch, "plain.html");
    writeFileSync(file, "<html><body><h1>Binnenland</h1><ul><li>Een kop</li><li>Nog een kop</li></ul></body></html>");
    const { code, stdout, stderr } = await run(file, "--url", "https://www.ad.nl/nieuws/x~a1/");
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/no article/);
  });

  it("exits 3 off DPG sites", async () => {
    const { code, stderr } = await run(seed, "--url", "https://example.org/article");
    expect(code).toBe(3);
    expect(stderr).toMatch(/not a DPG Media site/);
  });

  it("exits 2 for a missing file, a directory, bad options", async () => {
    const cases: [string[], RegExp][] = [
      [[join(scratch, "missing.html")], /cannot read .*ENOENT/],
      [[scratch], /cannot read .*EISDIR/],
      [[], /no file given/],
      [[seed, "--format", "xml"], /unknown format/],
      [[seed, "--url", "not a url"], /not a valid URL/],
      [[seed, "--bogus"], /unknown option --bogus/],
      [[seed, seed], /only one file/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(...args)));
    results.forEach((result, i) => expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(cases[i]![1]) }));
  });

  it("explains itself with --help", async () => {
    const { code, stdout } = await run("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: npm run --silent extract/);
  });
});
