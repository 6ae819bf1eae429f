/**
 * Mozilla's web-ext, run as its command line (its programmatic API is untyped and exits the
 * process on some errors): `lint`, the checks addons.mozilla.org runs, and `build`, the
 * archive AMO expects. Both offline.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WEB_EXT = join(ROOT, "node_modules/.bin/web-ext");

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

export const describeLintMessage = (m: LintMessage) => `${m.code} ${m.file ?? ""}${m.line ? `:${m.line}` : ""} — ${m.message}`;

/** Every error and warning of the report, described; empty when the extension is lint clean. */
export const lintProblems = (report: LintReport): string[] => [...report.errors, ...report.warnings].map(describeLintMessage);

export async function lint(sourceDir: string): Promise<LintReport> {
  const args = ["lint", "--source-dir", sourceDir, "--output", "json", "--boring", "--no-input"];
  // web-ext exits non-zero when it finds errors; the report on stdout is what counts.
  const stdout = await promisify(execFile)(WEB_EXT, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (e: { stdout?: string; message: string }) => e.stdout || Promise.reject(new Error(`web-ext lint did not run: ${e.message}`)),
  );
  return JSON.parse(stdout) as LintReport;
}

/** Zips `sourceDir` into `artifactsDir/filename`, leaving out what web-ext leaves out (dot files, archives); returns its path. */
export async function build(sourceDir: string, artifactsDir: string, filename: string): Promise<string> {
  const args = ["build", "--source-dir", sourceDir, "--artifacts-dir", artifactsDir, "--filename", filename, "--overwrite-dest", "--no-input"];
  await promisify(execFile)(WEB_EXT, args, { cwd: ROOT });
  return join(artifactsDir, filename);
}
