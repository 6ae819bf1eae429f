import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit tests only; the browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
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
