/**
 * The view's parts that only some readers need are modules of their own, imported on first use:
 * read aloud (read-aloud.js) on the first press of its button, following the page (live.js) on
 * the page's first change while the view is open, and the copied text's formats (copy.js) on the
 * first copy. reader.js is compiled whole as
 * it is fetched, on the way to every view's first frame, so what most views never use stays
 * out of it. Their addresses come from `chrome.runtime.getURL`, as reader.js's does: on Chrome
 * that is the per-session address pages cannot probe, which a relative import would not give
 * (it resolves to the extension's fixed id, and is refused).
 */
export const loadReadAloud = (): Promise<typeof import("./read-aloud")> => import(chrome.runtime.getURL("read-aloud.js"));
export const loadLive = (): Promise<typeof import("./live")> => import(chrome.runtime.getURL("live.js"));
export const loadCopyFormats = (): Promise<typeof import("./copy-formats")> => import(chrome.runtime.getURL("copy.js"));
