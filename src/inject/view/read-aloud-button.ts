/**
 * The toolbar's "Voorlezen" button. The player and its speech code (read-aloud.ts) are a module
 * of their own, loaded on the first press (load-module.ts says why).
 */
import type { Controls } from "./controls";
import { ICONS } from "./icons";
import type { Translate } from "./translate";
import type { ReadAloud } from "./read-aloud";

export interface ReadAloudButton {
  button: HTMLButtonElement;
  /** Stops reading, if the player was ever loaded. */
  stop(): void;
  /** The article's blocks changed (the view follows the page): reading goes on with them. */
  refresh(): void;
}

/** `load` builds the player and puts it in the view; it runs once, on the first press. */
export function createReadAloudButton(
  t: Translate,
  playerId: string,
  addButton: Controls["addToolbarButton"],
  load: () => Promise<ReadAloud>,
): ReadAloudButton {
  let player: ReadAloud | null = null;
  let loading: Promise<ReadAloud> | null = null;
  const button = addButton(t("view_read_aloud"), ICONS.speaker, async () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    try {
      player = await (loading ??= load());
    } catch {
      // The player's bundle did not load (the extension was updated under the page, say): the
      // button stays as it was, and the next press tries again.
      loading = null;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    button.setAttribute("aria-controls", playerId);
    player.show(button.getAttribute("aria-expanded") === "true");
  });
  button.dataset.action = "read-aloud";
  // aria-controls once the player exists: it must name an element that is there.
  button.setAttribute("aria-expanded", "false");
  return {
    button,
    stop: () => player?.stop(),
    refresh: () => player?.refresh(),
  };
}
