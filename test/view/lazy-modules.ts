/**
 * The build loads read-aloud.js, live.js and copy.js from the extension's address
 * (src/inject/view/load-module.ts); in the unit tests the source modules stand in for them.
 */
export const loadReadAloud = () => import("../../src/inject/view/read-aloud");
export const loadLive = () => import("../../src/inject/view/live");
export const loadCopyFormats = () => import("../../src/inject/view/copy-formats");
