/**
 * Options page: the "open automatically" site list and the reading view's defaults, both
 * kept in the same settings store the content script reads.
 */
import { DEFAULT_SETTINGS, VIEW_LIMITS, type Settings, type ViewSettings } from "../shared/settings";
import { loadSettings, onSettingsChanged, siteKey, updateSettings } from "../shared/settings-store";
import { localizePage, t } from "./localize";
import { errorText } from "../shared/error-text";
import { formatDecimal } from "../inject/view/format-date";

type RangeField = keyof typeof VIEW_LIMITS;
const RANGES = Object.keys(VIEW_LIMITS) as RangeField[];
/** Slider steps; fine enough that every default value is on a step. */
const STEP: Record<RangeField, number> = { size: 1, spacing: 0.1 };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const viewForm = () => $<HTMLFormElement>("view-form");

function say(text: string): void {
  $("status").textContent = text;
}

async function save(change: (current: Settings) => Settings, done: string): Promise<void> {
  try {
    render(await updateSettings(change));
    say(done);
  } catch (error) {
    say(t("options_save_failed", errorText(error)));
  }
}

function formatRange(field: RangeField, value: number): string {
  // As the reading view writes them: "1,6" in Dutch.
  return field === "size" ? `${value} px` : formatDecimal(value, t("view_decimal_separator"));
}

function renderSites(sites: string[]): void {
  const list = $("site-list");
  list.replaceChildren(
    ...sites.map((host) => {
      const item = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = host;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "✕";
      remove.setAttribute("aria-label", t("options_remove", host));
      remove.title = t("options_remove", host);
      remove.addEventListener("click", () => {
        void save((s) => ({ ...s, autoOpenSites: s.autoOpenSites.filter((h) => h !== host) }), t("options_removed", host));
        $("site-input").focus();
      });
      item.append(name, remove);
      return item;
    }),
  );
  list.hidden = sites.length === 0;
  $("site-list-empty").hidden = sites.length > 0;
}

function renderView(view: ViewSettings): void {
  const form = viewForm();
  for (const name of ["theme", "font", "width"] as const) {
    const radio = form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${view[name]}"]`);
    if (radio) radio.checked = true;
  }
  form.querySelector<HTMLInputElement>('input[name="hideUnlinkedNotes"]')!.checked = view.hideUnlinkedNotes;
  for (const field of RANGES) {
    $<HTMLInputElement>(field).value = String(view[field]);
    $(`${field}-value`).textContent = formatRange(field, view[field]);
  }
}

/** The settings as last stored or heard of; duplicate checks run against these. */
let current: Settings = DEFAULT_SETTINGS;

function render(settings: Settings): void {
  current = settings;
  renderSites(settings.autoOpenSites);
  renderView(settings.view);
}

function showError(text: string | null): void {
  const error = $("site-error");
  error.textContent = text ?? "";
  error.hidden = text === null;
  $("site-input").setAttribute("aria-invalid", String(text !== null));
}

/** Adds the typed host after checking it is a DPG title and not listed yet. */
async function addSite(): Promise<void> {
  const input = $<HTMLInputElement>("site-input");
  const typed = input.value.trim();
  const key = siteKey(typed);
  if (!typed) return showError(t("options_error_empty"));
  if (!key) return showError(t("options_error_not_dpg", typed));
  if (current.autoOpenSites.includes(key)) return showError(t("options_error_duplicate", key));
  showError(null);
  input.value = "";
  await save((s) => ({ ...s, autoOpenSites: [...s.autoOpenSites, key] }), t("options_added", key));
}

function readView(): ViewSettings {
  const data = new FormData(viewForm());
  return {
    // What the form does not show (read aloud's speed) stays as it is.
    ...current.view,
    theme: data.get("theme") as ViewSettings["theme"],
    font: data.get("font") as ViewSettings["font"],
    size: Number(data.get("size")),
    width: data.get("width") as ViewSettings["width"],
    spacing: Number(data.get("spacing")),
    hideUnlinkedNotes: data.get("hideUnlinkedNotes") !== null,
  };
}

async function main(): Promise<void> {
  localizePage(document);
  for (const field of RANGES) {
    const input = $<HTMLInputElement>(field);
    const { min, max } = VIEW_LIMITS[field];
    Object.assign(input, { min: String(min), max: String(max), step: String(STEP[field]) });
    // Live number while dragging; stored once on release, to stay within sync's write quota.
    input.addEventListener("input", () => ($(`${field}-value`).textContent = formatRange(field, Number(input.value))));
  }

  render(await loadSettings());
  onSettingsChanged(render);

  $("add-site").addEventListener("submit", (event) => {
    event.preventDefault();
    void addSite();
  });
  $("site-input").addEventListener("input", () => showError(null));
  viewForm().addEventListener("change", () => {
    const view = readView();
    void save((s) => ({ ...s, view }), t("options_saved"));
  });
  $("reset").addEventListener("click", () => {
    void save((s) => ({ ...s, view: DEFAULT_SETTINGS.view }), t("options_saved"));
  });
}

export const ready = main();
