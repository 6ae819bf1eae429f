/**
 * The first visit's page (opened once, after install, by the background): what Leesrust does,
 * that it never consents for the reader, and what to choose on DPG's privacy gate. Static text
 * in the reader's language; the options page links back to it.
 */
import { localizePage } from "./localize";

localizePage(document);

/** Settled once the page is filled in, as the other extension pages' `ready`. */
export const ready = Promise.resolve();
