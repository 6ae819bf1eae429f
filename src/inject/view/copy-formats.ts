/**
 * The article as copied text (plain or Markdown): a module of its own (copy.js), loaded when the
 * reader first copies, since most views are never copied (load-module.ts says why).
 */
export { articleToMarkdown } from "./markdown";
export { articleToPlainText } from "./plaintext";
