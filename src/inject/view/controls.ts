/**
 * The view's toolbar (close, copy, print, display settings) and its popovers: the copy menu and
 * the settings. It shows the settings it is given and reports the reader's changes; it keeps no
 * settings of its own.
 */
import { FONTS, THEMES, WIDTHS, type ViewSettings } from "../../shared/settings";
import { h } from "./dom";
import { formatDecimal } from "./format-date";
import { ICONS, iconElement, type Icon } from "./icons";
import type { Translate } from "./translate";
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
  /** Show settings that changed, from the reader or from elsewhere. */
  show(settings: ViewSettings): void;
  /** A short message in the toolbar's live region ("Gekopieerd"). */
  announce(message: string): void;
  /** Closes the open popover if there is one, focus back on its button; false when none was open. */
  closePopover(): boolean;
  /**
   * Adds an icon button to the toolbar, before the copy menu (e.g. "Voorlezen"): `label` is its
   * accessible name and tooltip. Returns the button, for its state (aria-pressed, say).
   */
  addToolbarButton(label: string, icon: Icon, onClick: () => void): HTMLButtonElement;
  /** For a click anywhere in the view: closes the open popover when the click was outside it, as beside a menu. */
  closeOnClickOutside(event: Event): void;
  /** The reader is using the toolbar (a popover open, or focus in it), so it must stay in view. */
  engaged(): boolean;
}

/** The popovers' radio groups: each lists the values of one setting. */
const CHOICES = { theme: THEMES, font: FONTS, width: WIDTHS } as const;
type ChoiceSetting = keyof typeof CHOICES;

/** The setting a radio chooses, from its group's name ("lr-theme"). */
const choiceOf = (radio: HTMLInputElement) => radio.name.slice("lr-".length) as ChoiceSetting;

function iconButton(action: string, label: string, icon: Icon, attrs: Record<string, string> = {}): HTMLButtonElement {
  // title: the tooltip for the eye, aria-label: the name for assistive technology.
  return h("button", { type: "button", class: "lr-icon-button", "data-action": action, "aria-label": label, title: label, ...attrs }, iconElement(icon));
}

interface Popover {
  button: HTMLButtonElement;
  popover: HTMLElement;
  anchor: HTMLElement;
}

/** A button that shows and hides the popover hanging from it (a disclosure, so Tab walks on into it). */
function popoverWith(action: string, label: string, icon: Icon, popover: HTMLElement): Popover {
  popover.hidden = true;
  const button = iconButton(action, label, icon, { "aria-expanded": "false", "aria-controls": popover.id });
  return { button, popover, anchor: h("div", { class: "lr-anchor" }, button, popover) };
}

export function createControls(t: Translate, initial: ViewSettings, events: ControlsEvents): Controls {
  let current = initial;
  const decimalSeparator = t("view_decimal_separator");
  const formatValue: Record<SteppedSetting, (n: number) => string> = {
    size: (n) => `${n} px`,
    spacing: (n) => formatDecimal(n, decimalSeparator),
  };

  const menuItem = (action: string, label: string) => h("button", { type: "button", "data-action": action }, label);
  const copy = popoverWith(
    "copy",
    t("view_copy"),
    ICONS.copy,
    h(
      "div",
      { id: "lr-copy-menu", class: "lr-popover lr-menu", role: "group", "aria-label": t("view_copy") },
      menuItem("copy-text", t("view_copy_text")),
      menuItem("copy-markdown", t("view_copy_markdown")),
    ),
  );
  // Filled on first open: the view's first frame is quicker without it, and a reader who keeps
  // the defaults never needs it.
  const settings = popoverWith(
    "settings",
    t("view_settings"),
    ICONS.display,
    h("div", { id: "lr-settings", class: "lr-popover lr-settings", role: "group", "aria-label": t("view_settings") }),
  );
  const popovers = [copy, settings];
  const status = h("span", { class: "lr-status", role: "status", "data-field": "status" });
  const row = h(
    "div",
    { class: "lr-bar-row" },
    iconButton("close", t("view_close"), ICONS.close, { "aria-keyshortcuts": "Escape" }),
    status,
    copy.anchor,
    iconButton("print", t("view_print"), ICONS.print),
    // Last in the bar, so that Tab from it goes straight into the panel it opens.
    settings.anchor,
  );
  const bar = h("div", { class: "lr-bar", role: "group", "aria-label": t("view_toolbar") }, row);

  const radios: HTMLInputElement[] = [];
  const choiceGroup = (setting: ChoiceSetting) =>
    h(
      "fieldset",
      { "data-setting": setting },
      h("legend", {}, t(`view_${setting}`)),
      h(
        "div",
        { class: "lr-choices" },
        ...CHOICES[setting].map((value) => {
          const input = h("input", { type: "radio", name: `lr-${setting}`, value });
          radios.push(input);
          return h("label", {}, input, t(`view_${setting}_${value}`));
        }),
      ),
    );

  const steppers = new Map<SteppedSetting, { down: HTMLButtonElement; up: HTMLButtonElement; value: HTMLOutputElement }>();
  const stepper = (setting: SteppedSetting) => {
    const parts = {
      down: h("button", { type: "button", "data-action": `${setting}-down`, "aria-label": t(`view_${setting}_down`) }, "−"),
      value: h("output", {}),
      up: h("button", { type: "button", "data-action": `${setting}-up`, "aria-label": t(`view_${setting}_up`) }, "+"),
    };
    steppers.set(setting, parts);
    return h(
      "fieldset",
      { "data-setting": setting },
      h("legend", {}, t(`view_${setting}`)),
      h("div", { class: "lr-stepper" }, parts.down, parts.value, parts.up),
    );
  };

  const hideUnlinked = h("input", { type: "checkbox", name: "lr-hide-unlinked" });
  const fillSettings = () => {
    settings.popover.append(
      choiceGroup("theme"),
      choiceGroup("font"),
      stepper("size"),
      choiceGroup("width"),
      stepper("spacing"),
      h("label", {}, hideUnlinked, t("view_hide_unlinked")),
    );
    show(current);
  };

  const change = (next: ViewSettings) => {
    show(next);
    events.change(next);
  };

  function setOpen(target: Popover, open: boolean) {
    if (open && target === settings && !settings.popover.hasChildNodes()) fillSettings();
    // One popover at a time.
    for (const p of popovers) {
      const shown = open && p === target;
      p.popover.hidden = !shown;
      p.button.setAttribute("aria-expanded", String(shown));
    }
  }

  const openPopover = () => popovers.find((p) => !p.popover.hidden);

  bar.addEventListener("click", (event) => {
    const action = (event.target as Element).closest("button")?.dataset.action;
    if (action === "close") events.close();
    else if (action === "print") events.print();
    else if (action === "copy" || action === "settings") {
      const target = action === "copy" ? copy : settings;
      setOpen(target, target.popover.hidden);
    } else if (action === "copy-text" || action === "copy-markdown") {
      closePopover();
      events.copy(action === "copy-text" ? "text" : "markdown");
    } else stepFrom(action ?? "");
  });

  const closeOnClickOutside = (event: Event) => {
    const open = openPopover();
    if (open && !event.composedPath().includes(open.anchor)) setOpen(open, false);
  };

  settings.popover.addEventListener("change", (event) => {
    const input = event.target as HTMLInputElement;
    if (input === hideUnlinked) change({ ...current, hideUnlinkedNotes: input.checked });
    // A radio's value is one of CHOICES, all of them valid for its setting.
    else change({ ...current, [choiceOf(input)]: input.value } as ViewSettings);
  });

  function stepFrom(action: string) {
    const match = /^(size|spacing)-(down|up)$/.exec(action);
    if (!match) return;
    const setting = match[1] as SteppedSetting;
    const direction = match[2] === "up" ? 1 : -1;
    if (!atLimit(current, setting, direction)) change(stepSetting(current, setting, direction));
  }

  function show(next: ViewSettings) {
    current = next;
    for (const radio of radios) radio.checked = radio.value === next[choiceOf(radio)];
    hideUnlinked.checked = next.hideUnlinkedNotes;
    for (const [setting, parts] of steppers) {
      parts.value.textContent = formatValue[setting](next[setting]);
      // aria-disabled rather than disabled: a disabled button drops keyboard focus out of the view.
      parts.down.setAttribute("aria-disabled", String(atLimit(next, setting, -1)));
      parts.up.setAttribute("aria-disabled", String(atLimit(next, setting, 1)));
    }
  }

  function closePopover() {
    const open = openPopover();
    if (!open) return false;
    setOpen(open, false);
    open.button.focus();
    return true;
  }

  show(initial);
  return {
    bar,
    show,
    announce(message: string) {
      status.textContent = message;
    },
    closePopover,
    addToolbarButton(label, icon, onClick) {
      const button = iconButton("extra", label, icon);
      button.addEventListener("click", onClick);
      row.insertBefore(button, copy.anchor);
      return button;
    },
    closeOnClickOutside,
    engaged: () => openPopover() !== undefined || bar.matches(":focus-within"),
  };
}
