// @vitest-environment node
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error build.mjs is plain JavaScript; the budgets are the very table the build applies.
import { BUDGETS_KB as budgets } from "../../build.mjs";
import { ROOT, readMessages } from "./helpers";
import { filesNamedBy, PAGES, type Manifest } from "./extension-files";

const BUDGETS_KB = budgets as Record<string, number>;

let out = "";
let build: ReturnType<typeof spawnSync>;
const manifests: Record<"chrome" | "firefox", Manifest> = { chrome: {}, firefox: {} };

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "leesrust-build-"));
  build = spawnSync(process.execPath, ["build.mjs", "--out", out], { cwd: ROOT, encoding: "utf8" });
  for (const browser of ["chrome", "firefox"] as const) {
    const path = join(out, browser, "manifest.json");
    if (existsSync(path)) manifests[browser] = JSON.parse(readFileSync(path, "utf8"));
  }
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const domains: string[] = JSON.parse(readFileSync(join(ROOT, "src/core/dpg-sites.json"), "utf8")).sites.map(
  (s: { domain: string }) => s.domain,
);
const BROWSERS = ["chrome", "firefox"] as const;

describe("npm run build", () => {
  it("succeeds and prints every bundle's size within its budget", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    for (const [file, budget] of Object.entries(BUDGETS_KB)) {
      expect(build.stdout).toMatch(new RegExp(`${file.replace(".", "\\.")}\\s+[\\d.]+ KB`));
      for (const browser of BROWSERS) expect(statSync(join(out, browser, file)).size, `${browser}/${file}`).toBeLessThanOrEqual(budget * 1024);
    }
  });

  it("writes a Chrome MV3 manifest with a service worker", () => {
    const m = manifests.chrome;
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: "background.js" });
    // 132: the dynamic reader.js URL (use_dynamic_url) can be imported by the content script.
    expect(Number(m.minimum_chrome_version)).toBeGreaterThanOrEqual(132);
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it("writes a Firefox MV3 manifest with background scripts, a gecko id and no data collection", () => {
    const m = manifests.firefox;
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ scripts: ["background.js"] });
    expect(m.browser_specific_settings.gecko).toEqual({
      id: "leesrust@leesrust.nl",
      strict_min_version: "140.0",
      data_collection_permissions: { required: ["none"] },
    });
    expect(m.minimum_chrome_version).toBeUndefined();
  });

  it.each(BROWSERS)("%s: asks for storage only, and runs on every DPG domain over https and nowhere else", (browser) => {
    const m = manifests[browser];
    expect(m.permissions).toEqual(["storage"]);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    const expected = domains.flatMap((d) => [`https://*.${d}/*`, `https://${d}/*`]).sort();
    expect(m.content_scripts).toHaveLength(1);
    expect([...m.content_scripts[0].matches].sort()).toEqual(expected);
    expect(m.content_scripts[0]).toMatchObject({ js: ["content.js"], run_at: "document_idle" });
    // The lazily loaded reader (extraction + view) is reachable only from the same pages.
    expect(m.web_accessible_resources).toHaveLength(1);
    expect(m.web_accessible_resources[0].resources).toEqual(["reader.js", "read-aloud.js", "live.js", "copy.js"]);
    expect([...m.web_accessible_resources[0].matches].sort()).toEqual(expected);
  });

  it.each(BROWSERS)("%s: ships no performance marks or measures (a page could read them: build.mjs --marks only)", (browser) => {
    for (const file of Object.keys(BUDGETS_KB)) {
      const code = readFileSync(join(out, browser, file), "utf8");
      expect(code, `${browser}/${file}`).not.toMatch(/\.(measure|mark)\(|__LEESRUST_MARKS__/);
    }
  });

  it.each(BROWSERS)("%s: has a strict CSP for extension pages and the reading-view shortcut", (browser) => {
    const m = manifests[browser];
    const csp: string = m.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    expect(m.commands["toggle-reading-view"].suggested_key.default).toBe("Alt+Shift+L");
  });

  it.each(BROWSERS)("%s: every file the manifest and pages name is in the build", (browser) => {
    const dir = join(out, browser);
    const readPage = (page: string) => readFileSync(join(dir, page), "utf8");
    for (const page of PAGES) {
      // The CSP allows no inline script or style: every script and style sheet must be a file.
      expect(readPage(page)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(readPage(page)).not.toMatch(/\son[a-z]+=/i);
      expect(readPage(page)).not.toMatch(/<style|\sstyle=/i);
    }
    for (const file of filesNamedBy(manifests[browser], readPage)) expect(existsSync(join(dir, file)), file).toBe(true);
  });
});

describe("locales", () => {
  const locales = readdirSync(join(ROOT, "src/_locales"));
  const en = readMessages("en");

  // Keys and placeholders of every locale: locales.test.ts.
  it("name every manifest message in every language", () => {
    const keys = [...JSON.stringify(manifests.firefox).matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!);
    expect(keys).toEqual(expect.arrayContaining(["ext_name", "ext_description", "command_toggle"]));
    for (const locale of locales) {
      const messages = readMessages(locale);
      for (const key of keys) expect(messages[key], `${locale} ${key}`).toBeDefined();
    }
  });

  it("hold every key the popup and options pages use", () => {
    for (const page of ["src/ui/popup.html", "src/ui/options.html", "src/ui/welcome.html"]) {
      const html = readFileSync(join(ROOT, page), "utf8");
      for (const [, key] of html.matchAll(/data-i18n="([^"]+)"/g)) expect(en[key!], `${page}: ${key}`).toBeDefined();
    }
    const scripts = ["popup.ts", "options.ts", "welcome.ts", "localize.ts"].map((f) => readFileSync(join(ROOT, "src/ui", f), "utf8")).join("\n");
    for (const [, key] of scripts.matchAll(/\bt\("([a-z_]+)"/g)) expect(en[key!], key).toBeDefined();
  });
});
