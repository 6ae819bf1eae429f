/** The core's public face: pure functions over a Document, shared by content script, CLI and tests. */
export type { Article, Block, Detection, EmbedKind } from "./article";
export { detect } from "./detect";
export { extract, type ExtractResult } from "./extract";
export { mayHoldArticle } from "./article-page";
export { assess, type Assessment, type StepTimer } from "./assess";
export { siteFor, type SiteInfo } from "./sites";
