/**
 * When this tab's page was last on screen. A popup that is a tab of its own (Firefox for
 * Android) asks, where the browser does not say which tab was active before it: the article
 * the reader came from is the one that went out of sight last.
 */
import type { LastSeen } from "../shared/messages";

export function watchLastSeen(doc: Document): () => LastSeen {
  const visible = () => doc.visibilityState === "visible";
  let hiddenAt: LastSeen = null;
  doc.addEventListener("visibilitychange", () => {
    if (!visible()) hiddenAt = Date.now();
  });
  return () => (visible() ? Date.now() : hiddenAt);
}
