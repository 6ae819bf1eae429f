/**
 * The "without the extension" side of the comparison: a second, off-the-record context in
 * the same Chromium the harness launched with the extension. Extensions are not enabled in
 * such a context, so the same binary, flags and machine state load the page with no content
 * script. Requests go through the same fixture site: fixtures at their real address, the
 * rest refused.
 */
import type { Browser, BrowserContext } from "playwright-core";
import type { FixtureSite } from "../../../test/e2e/harness/fixture-site";

export async function newPlainContext(browser: Browser, site: FixtureSite): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) => {
    const served = site.respond(route.request().url());
    return served ? route.fulfill(served) : route.abort("blockedbyclient");
  });
  return context;
}
