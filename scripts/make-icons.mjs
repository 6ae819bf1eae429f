// Renders icons/icon.svg to the PNG sizes the manifest lists, with headless Debian chromium.
// Run once after changing the SVG (`node scripts/make-icons.mjs`) and commit the PNGs:
// the build only copies them, so building needs no browser.
// Element screenshots (not `chromium --screenshot`) because headless windows have a minimum
// size, which crops or pads an icon-sized window.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SIZES = [16, 32, 48, 128];
const svg = readFileSync(join(ROOT, "icons/icon.svg"), "utf8");

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.locator("svg").screenshot({ path: join(ROOT, `icons/icon-${size}.png`), omitBackground: true });
    console.log(`icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
