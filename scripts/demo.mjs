// `npm run demo`: the built extension (dist/chrome) in Debian's chromium on the seed article,
// served offline at its real ad.nl address. With a display it opens a window to try by hand;
// without one it runs headless and saves screenshots to .tmp/demo-*.png.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EXTENSION = join(ROOT, "dist/chrome");
const FIXTURE = join(ROOT, "test/fixtures/ad-seed-kandahar");
const OUT = join(ROOT, ".tmp");

if (!existsSync(join(EXTENSION, "manifest.json"))) {
  console.error("dist/chrome is missing: run `npm run build` first.");
  process.exit(1);
}

const { url } = JSON.parse(readFileSync(`${FIXTURE}.expected.json`, "utf8"));
const html = readFileSync(`${FIXTURE}.html`, "utf8");
const headless = !process.env.DISPLAY;

const context = await chromium.launchPersistentContext("", {
  executablePath: "/usr/bin/chromium",
  headless,
  viewport: { width: 1100, height: 800 },
  args: [
    `--disable-extensions-except=${EXTENSION}`,
    `--load-extension=${EXTENSION}`,
    ...JSON.parse(readFileSync(join(ROOT, "test/e2e/harness/chromium-flags.json"), "utf8")).flags,
  ],
});

// Offline: the article page comes from the fixture, everything else it asks for is refused.
await context.route("**/*", (route) => {
  const requested = route.request().url();
  if (requested === url) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
  if (requested.startsWith("chrome-extension://")) return route.continue();
  return route.abort();
});

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
const extensionId = new URL(worker.url()).host;

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

/**
 * Runs in the page, for the "before" picture only: outlines the seed page's consent placeholder,
 * its photo marker (screen-reader text on the site, shown here), ads, promotions, teasers and the
 * video playlist with its introduction.
 * The fixture has none of the site's stylesheet, so its icons are given their size on the site.
 */
function markWhatTheViewLeavesOut() {
  const style = document.createElement("style");
  style.textContent = `
    svg { width: 1.2em; height: 1.2em; vertical-align: middle; }
    ._sr8f1q2 { position: static !important; width: auto !important; height: auto !important; clip: auto !important; display: block; }
    [data-embed-type="social"], ._sr8f1q2, ._ad8z1k2, [data-temptation-position], [data-test-id="editorial-tips"], ._fs9x1l0,
    [data-article-element-index="10"], [data-article-element-index="11"] {
      outline: 3px dashed #c0262d; outline-offset: 3px; background: #fff1f0;
    }
    .dfp-space { min-height: 60px !important; }
    body { font: 16px/1.5 Georgia, serif; max-width: 46rem; margin: 1rem auto; }`;
  document.head.append(style);
}

/** Asks the article tab's content script, the way the popup does. */
const ask = (request) =>
  worker.evaluate(async (req) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, req);
  }, request);

// The content script runs at document_idle; wait until it answers.
let status;
for (let i = 0; i < 50 && !status; i++) {
  status = await ask({ type: "leesrust:get-status" }).catch(() => undefined);
  if (!status) await page.waitForTimeout(100);
}
console.log("status:", JSON.stringify(status));

if (headless) {
  mkdirSync(OUT, { recursive: true });
  // "Before": the whole page, with what the reading view leaves out outlined in red.
  await page.evaluate(markWhatTheViewLeavesOut);
  await page.screenshot({ path: join(OUT, "demo-page.png"), fullPage: true });

  const popup = await context.newPage();
  await page.bringToFront();
  await popup.setViewportSize({ width: 340, height: 300 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator("main:not([data-state=loading])").waitFor();
  await popup.screenshot({ path: join(OUT, "demo-popup.png") });
  console.log("popup:", await popup.locator("#summary").textContent(), "|", await popup.locator("#message").textContent());
  await popup.close();

  console.log("after set-view:", JSON.stringify(await ask({ type: "leesrust:set-view", open: true })));
  await page.locator("#leesrust-reading-view").waitFor({ state: "attached" });
  await page.waitForTimeout(500); // the view fades in
  await page.screenshot({ path: join(OUT, "demo-reading-view.png") });
  console.log("Screenshots in .tmp/demo-page.png, .tmp/demo-popup.png, .tmp/demo-reading-view.png");
  await context.close();
} else {
  await ask({ type: "leesrust:set-view", open: true });
  console.log("Reading view open. Try the toolbar button, Escape and Alt+Shift+L; close the window to end.");
  await new Promise((resolve) => context.on("close", resolve));
}
