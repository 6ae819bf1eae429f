/**
 * Read aloud in the view, against a stand-in speech engine: which voice reads, what it is
 * given, the highlight, pause and stop, and what the player says when no voice will do.
 */
import { createReadAloudButton } from "../../src/inject/view/read-aloud-button";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VoiceInfo } from "../../src/inject/view/voice-choice";
import { closeAll, openWhole, seedArticle, type Locale, type OpenedView } from "./helpers";
import { DEFAULT_SETTINGS, type ViewSettings } from "../../src/shared/settings";

vi.mock("../../src/inject/view/load-module", () => import("./lazy-modules"));

class FakeUtterance extends EventTarget {
  voice: VoiceInfo | null = null;
  lang = "";
  rate = 1;
  constructor(readonly text: string) {
    super();
  }
}

function fakeEngine(voices: VoiceInfo[]) {
  const spoken: FakeUtterance[] = [];
  const engine = {
    getVoices: () => voices,
    speak: vi.fn((u: FakeUtterance) => spoken.push(u)),
    cancel: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  };
  Object.assign(window, { speechSynthesis: engine });
  Object.assign(globalThis, { SpeechSynthesisUtterance: FakeUtterance });
  return { engine, spoken, finish: () => spoken.at(-1)!.dispatchEvent(new Event("end")) };
}

const voice = (name: string, lang: string, localService = true): VoiceInfo => ({ name, lang, localService, voiceURI: `uri:${name}` });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let view: OpenedView;
beforeEach(() => {
  Element.prototype.scrollBy ??= vi.fn() as unknown as Element["scrollBy"];
});
afterEach(() => {
  closeAll();
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
});

/** Opens the view and presses "Voorlezen": the player is loaded then (a chunk of its own in the build) and fills its voice list. */
async function openPlayer(article = seedArticle(), lang: Locale = "nl", settings?: ViewSettings): Promise<void> {
  view = await openWhole(article, { lang, ...(settings && { settings }) });
  view.$<HTMLButtonElement>("button[data-action='read-aloud']").click();
  await vi.waitFor(() => expect(view.shadow.querySelector("#lr-read-aloud:not([hidden])")).not.toBeNull());
  await flush();
}

const play = () => view.$<HTMLButtonElement>("button[data-action='read-aloud-play']");
const note = () => view.$("[data-field='read-aloud-note']").textContent;

describe("read aloud", () => {
  it("has a toolbar button that shows the player, with speeds and the Dutch voices on the device first", async () => {
    fakeEngine([voice("Google Nederlands", "nl-NL", false), voice("Samantha", "en-US"), voice("Xander", "nl-NL")]);
    await openPlayer();
    const button = view.$("button[data-action='read-aloud']");
    // An icon button of the toolbar: its name is its label and tooltip.
    expect(button.getAttribute("aria-label")).toBe("Voorlezen");
    expect(button.getAttribute("title")).toBe("Voorlezen");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(button.getAttribute("aria-controls")).toBe("lr-read-aloud");
    expect(view.$("#lr-read-aloud").hidden).toBe(false);
    // The player brings its own styles into the view's shadow root.
    expect(view.$$("style").some((style) => style.textContent?.includes(".lr-player {"))).toBe(true);
    const voices = view.$$<HTMLOptionElement>("[data-field='read-aloud-voice'] option").map((o) => o.textContent);
    expect(voices).toEqual(["Xander (nl-NL)", "Google Nederlands (nl-NL), online"]);
    expect(view.$<HTMLSelectElement>("[data-field='read-aloud-voice']").value).toBe("uri:Xander");
    expect(view.$$<HTMLOptionElement>("[data-field='read-aloud-rate'] option").map((o) => o.textContent)).toEqual(["0,75×", "1×", "1,25×", "1,5×", "2×"]);
    expect(note()).toBe("");

    button.click();
    await vi.waitFor(() => expect(view.$("#lr-read-aloud").hidden).toBe(true));
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("reads sentence by sentence from the title, highlighting the one being read, and pauses and stops", async () => {
    const { engine, spoken, finish } = fakeEngine([voice("Xander", "nl-NL")]);
    await openPlayer();
    play().click();
    await flush();
    expect(spoken.map((u) => u.text)).toEqual(["Taliban nemen ook Kandahar in, de tweede stad van Afghanistan"]);
    expect(spoken[0]!.voice?.name).toBe("Xander");
    expect(spoken[0]!.lang).toBe("nl-NL");
    expect(view.$("h1 .lr-speaking").textContent).toBe(spoken[0]!.text);
    expect(play().textContent).toBe("Pauze");

    finish();
    expect(spoken.at(-1)!.text).toBe("Na Herat en Ghazni is nu ook Kandahar in handen van de Taliban.");
    expect(view.$$(".lr-speaking")).toHaveLength(1);
    // The title has its plain text back once the reading has left it.
    expect(view.$("h1").childElementCount).toBe(0);
    finish();
    expect(spoken.at(-1)!.text).toBe("De Taliban hebben ook de stad Kandahar in het zuiden van Afghanistan ingenomen.");

    play().click();
    await flush();
    expect(engine.cancel).toHaveBeenCalled();
    expect(play().textContent).toBe("Lees voor");
    // A cancelled utterance's end does not move on.
    finish();
    expect(spoken).toHaveLength(3);
    play().click();
    await flush();
    expect(spoken.at(-1)!.text).toBe("De Taliban hebben ook de stad Kandahar in het zuiden van Afghanistan ingenomen.");

    view.$<HTMLButtonElement>("button[data-action='read-aloud-stop']").click();
    expect(view.$$(".lr-speaking, .lr-sentence")).toHaveLength(0);
    expect(view.$("[data-block='paragraph']").textContent).toMatch(/^De Taliban hebben ook de stad Kandahar/);
  });

  it("goes on reading through the page's changes: into a block the page added, past one it removed", async () => {
    const { spoken, finish } = fakeEngine([voice("Xander", "nl-NL")]);
    await openPlayer();
    play().click();
    await flush();
    finish();
    finish();
    const article = seedArticle();
    const [first, second] = article.blocks as [{ type: "paragraph"; text: string }, { type: "paragraph"; text: string }];
    expect(spoken.at(-1)!.text.startsWith(first.text.slice(0, 20))).toBe(true);
    // While the first paragraph is read, the page puts a paragraph after it and removes the one that followed.
    const added = { type: "paragraph" as const, text: "Een bericht dat de pagina later toevoegde." };
    const update = async (blocks: typeof article.blocks) => {
      view.handle.refresh({ ...article, blocks });
      // An ordinary article takes the page's change on the reader's click.
      await vi.waitFor(() => view.$<HTMLButtonElement>("button[data-action='article-update']").click());
    };
    await update([first, added, ...article.blocks.slice(2)]);
    expect(view.$$("[data-block='paragraph']")[1]?.textContent).toBe(added.text);
    for (let i = 0; i < 12 && spoken.at(-1)!.text !== added.text; i++) finish();
    expect(spoken.at(-1)!.text).toBe(added.text);
    expect(spoken.some((u) => second.text.startsWith(u.text))).toBe(false);

    // The block being read goes: it is read to its end, then what followed it.
    await update([first, ...article.blocks.slice(2)]);
    expect(view.$$("[data-block='paragraph']").map((el) => el.textContent)).not.toContain(added.text);
    finish();
    expect(spoken.at(-1)!.text, "the next block read, the figure skipped").toBe("Deal");
  });

  it("applies a new speed at once, from the sentence being read", async () => {
    const { spoken } = fakeEngine([voice("Xander", "nl-NL")]);
    await openPlayer();
    play().click();
    await flush();
    const rate = view.$<HTMLSelectElement>("[data-field='read-aloud-rate']");
    rate.value = "1.5";
    rate.dispatchEvent(new Event("change"));
    expect(spoken).toHaveLength(2);
    expect(spoken[1]).toMatchObject({ text: spoken[0]!.text, rate: 1.5 });
  });

  it("remembers the speed: stored as a view setting, and the next player starts at it", async () => {
    const { spoken } = fakeEngine([voice("Xander", "nl-NL")]);
    await openPlayer();
    const rate = view.$<HTMLSelectElement>("[data-field='read-aloud-rate']");
    rate.value = "1.25";
    rate.dispatchEvent(new Event("change"));
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.view, readAloudRate: 1.25 });
    // A later change in the toolbar keeps it.
    view.$<HTMLButtonElement>("button[data-action='settings']").click();
    view.$<HTMLButtonElement>("button[data-action='size-up']").click();
    expect(view.onSettingsChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.view, readAloudRate: 1.25, size: DEFAULT_SETTINGS.view.size + 2 });
    closeAll();

    await openPlayer(seedArticle(), "nl", { ...DEFAULT_SETTINGS.view, readAloudRate: 1.25 });
    expect(view.$<HTMLSelectElement>("[data-field='read-aloud-rate']").value).toBe("1.25");
    play().click();
    await flush();
    expect(spoken.at(-1)?.rate).toBe(1.25);
  });

  it("stops speaking when the view closes", async () => {
    const { engine } = fakeEngine([voice("Xander", "nl-NL")]);
    await openPlayer();
    play().click();
    await flush();
    engine.cancel.mockClear();
    view.handle.close();
    expect(engine.cancel).toHaveBeenCalled();
  });

  it("uses an online voice only once the reader picks it, and says it sends the text away", async () => {
    const { spoken } = fakeEngine([voice("Google Nederlands", "nl-NL", false)]);
    await openPlayer();
    expect(note()).toMatch(/^Op dit apparaat staat geen Nederlandse stem, alleen online stemmen/);
    expect(play().getAttribute("aria-disabled")).toBe("true");
    play().click();
    await flush();
    expect(spoken).toHaveLength(0);

    const select = view.$<HTMLSelectElement>("[data-field='read-aloud-voice']");
    select.value = "uri:Google Nederlands";
    select.dispatchEvent(new Event("change"));
    expect(note()).toBe("Online stem: de tekst gaat naar de aanbieder van deze stem.");
    play().click();
    await flush();
    expect(spoken[0]!.voice?.name).toBe("Google Nederlands");
  });

  it("says so when there is no Dutch voice, or no speech at all", async () => {
    fakeEngine([voice("Samantha", "en-US")]);
    await openPlayer();
    expect(note()).toBe("Er is geen Nederlandse stem op dit apparaat. Voeg er een toe in de spraakinstellingen van je systeem.");
    expect(play().getAttribute("aria-disabled")).toBe("true");
    closeAll();
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    await openPlayer();
    expect(note()).toBe("Deze browser kan niet voorlezen.");
  });
});

describe("read aloud on a French article (7sur7)", () => {
  const french = () => ({ ...seedArticle(), url: "https://www.7sur7.be/belgique/le-tunnel~a5d8e1f3/", site: "7sur7", lang: "fr" });

  it("reads with a French voice, Belgian French first, never a Dutch one", async () => {
    const { spoken } = fakeEngine([voice("Xander", "nl-NL"), voice("Amélie", "fr-FR"), voice("Ellen", "nl-BE"), voice("Aude", "fr-BE")]);
    await openPlayer(french(), "fr");
    expect([...view.$$<HTMLOptionElement>("[data-field='read-aloud-voice'] option")].map((o) => o.textContent)).toEqual(["Aude (fr-BE)", "Amélie (fr-FR)"]);
    play().click();
    await flush();
    expect(spoken[0]).toMatchObject({ lang: "fr-BE", voice: { name: "Aude" } });
  });

  it("says that no French voice is there, in the reader's language", async () => {
    fakeEngine([voice("Xander", "nl-NL")]);
    await openPlayer(french(), "fr");
    expect(note()).toBe("Il n’y a pas de voix française sur cet appareil. Ajoutez-en une dans les réglages vocaux de votre système.");
    closeAll();
    await openPlayer(french(), "nl");
    expect(note()).toBe("Er is geen Franse stem op dit apparaat. Voeg er een toe in de spraakinstellingen van je systeem.");
  });
});

describe("the Voorlezen button", () => {
  it("stays as it was when the player cannot load, and tries again on the next press", async () => {
    const add = (_label: string, _icon: unknown, onClick: () => void) => {
      const button = document.createElement("button");
      button.addEventListener("click", onClick);
      return button;
    };
    let tries = 0;
    const failing = () => {
      tries += 1;
      return Promise.reject(new Error("the extension was updated"));
    };
    const { button } = createReadAloudButton((key) => key, "lr-read-aloud", add, failing);
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.hasAttribute("aria-controls")).toBe(false);
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tries).toBe(2);
  });
});
