/**
 * Read aloud is a module of its own (read-aloud.js), imported on the first press of its button:
 * most readers never use it, and reader.js is compiled whole as it is fetched, on the way to
 * every view's first frame. Its address comes from `chrome.runtime.getURL`, as reader.js's does:
 * on Chrome that is the per-session address pages cannot probe, which a relative import would
 * not give (it resolves to the extension's fixed id, and is refused).
 */
export const loadReadAloud = (): Promise<typeof import("./read-aloud")> => import(chrome.runtime.getURL("read-aloud.js"));
