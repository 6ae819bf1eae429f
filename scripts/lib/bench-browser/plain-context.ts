/**
 * The "without the extension" side of the comparison: the same Debian Chromium, launched like
 * the harness launches it (a fresh persistent profile, same flags, viewport and language) but
 * without --load-extension, so the only difference is the extension. (An off-the-record context
 * of the harness's own browser was tried first: its loads were consistently faster even before
 * the content script ran, a profile-type difference, not the extension's.) Requests go through
 * the same fixture site: fixtures at their real address, the rest refused.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { chromiumPath } from "../../../test/e2e/harness/browsers";
import chromiumFlags from "../../../test/e2e/harness/chromium-flags.json";
import type { FixtureSite } from "../../../test/e2e/harness/fixture-site";

const LANGUAGE = "en";

export interface PlainChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchPlainChromium(site: FixtureSite): Promise<PlainChromium> {
  const profile = mkdtempSync(join(tmpdir(), "leesrust-bench-plain-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--lang=${LANGUAGE}`, ...chromiumFlags.flags],
    env: { ...process.env, LANGUAGE },
  });
  await context.route("**/*", (route) => {
    const served = site.respond(route.request().url());
    return served ? route.fulfill(served) : route.abort("blockedbyclient");
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
