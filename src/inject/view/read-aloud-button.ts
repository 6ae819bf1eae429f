/**
 * The toolbar's "Voorlezen" button. The player and its speech code (read-aloud.ts) are a module
 * of their own, loaded on the first press (load-read-aloud.ts says why).
 */
import { h } from "./dom";
import type { Translate } from "./render-article";
import type { ReadAloud } from "./read-aloud";

export interface ReadAloudButton {
  button: HTMLButtonElement;
  /** Stops reading, if the player was ever loaded. */
  stop(): void;
}

/** `load` builds the player and puts it in the view; it runs once, on the first press. */
export function createReadAloudButton(t: Translate, playerId: string, load: () => Promise<ReadAloud>): ReadAloudButton {
  // aria-controls once the player exists: it must name an element that is there.
  const button = h("button", { type: "button", "data-action": "read-aloud", "aria-expanded": "false" }, t("view_read_aloud"));
  let player: ReadAloud | null = null;
  let loading: Promise<ReadAloud> | null = null;
  button.addEventListener("click", async () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    player = await (loading ??= load());
    button.setAttribute("aria-controls", playerId);
    player.show(button.getAttribute("aria-expanded") === "true");
  });
  return {
    button,
    stop: () => player?.stop(),
  };
}
