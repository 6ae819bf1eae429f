import { accessSync, constants } from "node:fs";

const INSTALL_HINT =
  "Install the browsers with: apt-get update && apt-get install -y chromium firefox-esr " +
  "(or point CHROMIUM_PATH / FIREFOX_PATH at an installed binary).";

function executable(envVar: string, fallback: string, name: string): string {
  const path = process.env[envVar] ?? fallback;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    // Fail, never skip: a missing browser must not turn the e2e suite green.
    throw new Error(`${name} not found at ${path}. ${INSTALL_HINT}`);
  }
  return path;
}

export const chromiumPath = (): string => executable("CHROMIUM_PATH", "/usr/bin/chromium", "Chromium");
export const firefoxPath = (): string => executable("FIREFOX_PATH", "/usr/bin/firefox-esr", "Firefox ESR");
