/**
 * Mozilla's add-on linter (web-ext lint, the checks addons.mozilla.org runs) on the built
 * Firefox extension: no errors and no warnings. It runs offline.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { builtExtension, ROOT } from "./harness/paths";

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

const describeMessage = (m: LintMessage) => `${m.code} ${m.file ?? ""}${m.line ? `:${m.line}` : ""} — ${m.message}`;

test("web-ext lint on dist/firefox: 0 errors, 0 warnings", async () => {
  const webExt = join(ROOT, "node_modules/.bin/web-ext");
  const args = ["lint", "--source-dir", builtExtension("firefox"), "--output", "json", "--boring", "--no-input"];
  // web-ext exits non-zero when it finds errors; the report on stdout is what counts.
  const stdout = await promisify(execFile)(webExt, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (e: { stdout?: string; message: string }) => e.stdout || Promise.reject(new Error(`web-ext lint did not run: ${e.message}`)),
  );
  const report = JSON.parse(stdout) as LintReport;
  expect(report.errors.map(describeMessage), "web-ext lint errors").toEqual([]);
  expect(report.warnings.map(describeMessage), "web-ext lint warnings").toEqual([]);
  expect(report.summary.errors + report.summary.warnings).toBe(0);
});
