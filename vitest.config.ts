import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit tests only; the browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  // The unit tests read the content script's performance measures (shipped builds have none: build.mjs).
  define: { __LEESRUST_MARKS__: "true" },
  resolve: {
    alias: {
      "webextension-polyfill": fileURLToPath(new URL("./test/mocks/webextension-polyfill.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "jsdom",
  },
});
