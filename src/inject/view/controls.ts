/**
 * The view's toolbar (close, display settings, copy, print) and its settings panel. It shows
 * the settings it is given and reports the reader's changes; it keeps no settings of its own.
 */
import { FONTS, THEMES, type ViewSettings } from "../../shared/settings";
import { h } from "./dom";
import { formatDecimal } from "./format-date";
import type { Translate } from "./render-article";
import { atLimit, stepSetting, type SteppedSetting } from "./settings-steps";

export type CopyFormat = "text" | "markdown";

export interface ControlsEvents {
  close(): void;
  change(settings: ViewSettings): void;
  copy(format: CopyFormat): void;
  print(): void;
}

export interface Controls {
  bar: HTMLElement;
  panel: HTMLElement;
  /** Show settings that changed, from the reader or from elsewhere. */
  show(settings: ViewSettings): void;
  /** A short message in the toolbar's live region ("Gekopieerd"). */
  announce(message: string): void;
  /** Closes the settings panel if it is open, focus back on its button; false when it was closed. */
  closePanel(): boolean;
}

const PANEL_ID = "lr-settings";

export function createControls(t: Translate, initial: ViewSettings, events: ControlsEvents): Controls {
  let current = initial;
  const decimalSeparator = t("view_decimal_separator");
  const formatValue: Record<SteppedSetting, (n: number) => string> = {
    size: (n) => `${n} px`,
    width: (n) => t("view_width_value", [String(n)]),
    spacing: (n) => formatDecimal(n, decimalSeparator),
  };

  const button = (action: string, label: string, attrs: Record<string, string> = {}) =>
    h("button", { type: "button", "data-action": action, ...attrs }, label);

  const settingsButton = button("settings", t("view_settings"), { "aria-expanded": "false", "aria-controls": PANEL_ID });
  const status = h("span", { class: "lr-status", role: "status", "data-field": "status" });
  const bar = h(
    "div",
    { class: "lr-bar", role: "group", "aria-label": t("view_toolbar") },
    button("close", t("view_close"), { "aria-keyshortcuts": "Escape" }),
    button("copy-text", t("view_copy_text")),
    button("copy-markdown", t("view_copy_markdown")),
    button("print", t("view_print")),
    // Last in the bar, so that Tab from it goes straight into the panel it opens.
    settingsButton,
    status,
  );

  const radios: HTMLInputElement[] = [];
  const choiceGroup = (setting: "theme" | "font", values: readonly string[]) =>
    h(
      "fieldset",
      { "data-setting": setting },
      h("legend", {}, t(`view_${setting}`)),
      h(
        "div",
        { class: "lr-choices" },
        ...values.map((value) => {
          const input = h("input", { type: "radio", name: `lr-${setting}`, value });
          radios.push(input);
          return h("label", {}, input, t(`view_${setting}_${value}`));
        }),
      ),
    );

  const steppers = new Map<SteppedSetting, { down: HTMLButtonElement; up: HTMLButtonElement; value: HTMLOutputElement }>();
  const stepper = (setting: SteppedSetting) => {
    const parts = {
      down: button(`${setting}-down`, "−", { "aria-label": t(`view_${setting}_down`) }),
      value: h("output", {}),
      up: button(`${setting}-up`, "+", { "aria-label": t(`view_${setting}_up`) }),
    };
    steppers.set(setting, parts);
    return h(
      "fieldset",
      { "data-setting": setting },
      h("legend", {}, t(`view_${setting}`)),
      h("div", { class: "lr-stepper" }, parts.down, parts.value, parts.up),
    );
  };

  // Filled on first open: the view's first frame is quicker without it, and a reader who keeps
  // the defaults never needs it.
  const panel = h("div", { id: PANEL_ID, class: "lr-settings", role: "group", "aria-label": t("view_settings_label"), hidden: "" });
  const fillPanel = () => {
    panel.append(choiceGroup("theme", THEMES), choiceGroup("font", FONTS), stepper("size"), stepper("width"), stepper("spacing"));
    show(current);
  };

  const change = (next: ViewSettings) => {
    show(next);
    events.change(next);
  };

  bar.addEventListener("click", (event) => {
    const action = (event.target as Element).closest("button")?.dataset.action;
    if (action === "close") events.close();
    else if (action === "copy-text") events.copy("text");
    else if (action === "copy-markdown") events.copy("markdown");
    else if (action === "print") events.print();
    else if (action === "settings") setPanelOpen(panel.hidden);
  });

  function setPanelOpen(open: boolean) {
    if (open && !panel.hasChildNodes()) fillPanel();
    panel.hidden = !open;
    settingsButton.setAttribute("aria-expanded", String(open));
  }

  panel.addEventListener("change", (event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === "lr-theme") change({ ...current, theme: input.value as ViewSettings["theme"] });
    if (input.name === "lr-font") change({ ...current, font: input.value as ViewSettings["font"] });
  });

  panel.addEventListener("click", (event) => {
    const action = (event.target as Element).closest("button")?.dataset.action ?? "";
    const match = /^(size|width|spacing)-(down|up)$/.exec(action);
    if (!match) return;
    const setting = match[1] as SteppedSetting;
    const direction = match[2] === "up" ? 1 : -1;
    if (!atLimit(current, setting, direction)) change(stepSetting(current, setting, direction));
  });

  function show(settings: ViewSettings) {
    current = settings;
    for (const radio of radios) {
      radio.checked = radio.value === (radio.name === "lr-theme" ? settings.theme : settings.font);
    }
    for (const [setting, parts] of steppers) {
      parts.value.textContent = formatValue[setting](settings[setting]);
      // aria-disabled rather than disabled: a disabled button drops keyboard focus out of the view.
      parts.down.setAttribute("aria-disabled", String(atLimit(settings, setting, -1)));
      parts.up.setAttribute("aria-disabled", String(atLimit(settings, setting, 1)));
    }
  }

  show(initial);
  return {
    bar,
    panel,
    show,
    announce(message: string) {
      status.textContent = message;
    },
    closePanel() {
      if (panel.hidden) return false;
      setPanelOpen(false);
      settingsButton.focus();
      return true;
    },
  };
}
