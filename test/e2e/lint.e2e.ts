/**
 * Mozilla's add-on linter (web-ext lint, the checks addons.mozilla.org runs) on the built
 * Firefox extension: no errors and no warnings. It runs offline.
 */
import { expect, test } from "vitest";
import { builtExtension } from "./harness/paths";
import { describeLintMessage, lint } from "../../scripts/lib/web-ext";

test("web-ext lint on dist/firefox: 0 errors, 0 warnings", async () => {
  const report = await lint(builtExtension("firefox"));
  expect(report.errors.map(describeLintMessage), "web-ext lint errors").toEqual([]);
  expect(report.warnings.map(describeLintMessage), "web-ext lint warnings").toEqual([]);
  expect(report.summary.errors + report.summary.warnings).toBe(0);
});
