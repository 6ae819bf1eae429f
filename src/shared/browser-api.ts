/**
 * What the build puts in place of webextension-polyfill (see build.mjs). Both target browsers
 * have promise-based extension APIs (Firefox as `browser`, Chrome as `chrome`), so the
 * polyfill's 10 KB per bundle buys nothing but onMessage listeners that return promises; those
 * go through `onRequest` in messaging.ts, which both browsers support natively.
 */
import type Browser from "webextension-polyfill";

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

export default (scope.browser ?? scope.chrome) as typeof Browser;
