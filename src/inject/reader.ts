/**
 * The part of the content script that only pages with something to offer need: extraction
 * and the reading view. Built as its own module (reader.js) and imported by content.ts when
 * detection finds placeholders or markers or the article is asked for, so most pages parse
 * detection code only.
 */
export { assessPage } from "./assess-page";
export { prepareReadingView } from "./view/index";
export { readParts } from "../core/fragment";
