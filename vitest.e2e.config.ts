import { defineConfig } from "vitest/config";

// Browser end-to-end tests: real Chromium and Firefox load the built extension (dist/), so
// run `npm run build` first (`npm run test:e2e` does). One file at a time: each launches a
// browser, and two browsers at once on a 2-core machine make every timing flaky.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ["default"],
  },
});
