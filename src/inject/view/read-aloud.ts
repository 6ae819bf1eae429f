/**
 * Read aloud ("Voorlezen") with the browser's Web Speech API: a voice of the article's language (voice-choice.ts)
 * reads the article sentence by sentence (sentences.ts), from the paragraph the reader is at;
 * the sentence being read is highlighted and kept in view. One utterance per sentence, so that
 * the highlight follows without boundary events (which many voices never send) and no browser
 * cuts off a long utterance. Pause cancels and remembers the sentence: `speechSynthesis.pause()`
 * is unreliable across browsers and voices.
 *
 * Privacy. A content script's `speechSynthesis` is the page's window's speech engine, reached
 * from the extension's own JavaScript world (Chromium's isolated world, Firefox's Xray view):
 * the page cannot replace or wrap the functions the view calls, nor see the utterances, their
 * text or their events. It can see that speech is going on (`speechSynthesis.speaking` is shared
 * by the whole window), and it could cancel it. What it learns is only that the reader listens
 * to an article it served itself. An online voice (`localService` false) is another matter: the
 * browser sends the text to the voice's vendor, so such a voice reads only when the reader picks
 * it, and the player says so.
 */
import type { h as makeElement } from "./dom";
import type { Translate } from "./translate";
import { READ_ALOUD_RATES } from "../../shared/settings";
import { splitSentences } from "./sentences";
import { chooseVoice, speechFor, voicesFor } from "./voice-choice";

export interface ReadAloudOptions {
  t: Translate;
  /**
   * The view's element maker (dom.ts), handed in rather than imported: this module is a bundle
   * of its own (read-aloud.js), and the view's DOM rules should be one copy, the reader's.
   */
  h: typeof makeElement;
  /** The player's element id, which the toolbar button controls. */
  id: string;
  /** The article's address and language: they say which language reads, and which variety first (Flemish, Belgian French). */
  url: string | null;
  lang: string;
  /** The view's scrolling box. */
  scroller: HTMLElement;
  article: HTMLElement;
  /** Height of the sticky toolbar: text under it is not in view. */
  topInset(): number;
  /** Puts every block in the article (the view adds the later ones after its first frame). */
  complete(): void;
  /** The speed the reader chose last (a view setting, so it is remembered). */
  rate: number;
  onRateChange(rate: number): void;
}

export interface ReadAloud {
  /** The player, for the view to place; hidden until shown. */
  player: HTMLElement;
  /** Shows the player and readies the voices; false hides it and stops reading. */
  show(visible: boolean): void;
  /** Stops reading and gives the article back its plain text; the view calls it on close. */
  stop(): void;
  /**
   * The view took the page's changes: reading goes on from the same sentence, through the blocks
   * as they are now. A unit the page removed is read to its end; what followed it comes next.
   */
  refresh(): void;
}

/**
 * The player's own CSS, added to the view's shadow root with the player: the reader bundle carries
 * none of it. Its controls are 44 px touch targets, and a long voice name cannot widen it past a
 * phone's screen.
 */
export const PLAYER_CSS = `
.lr-player {
  position: fixed;
  inset-inline: 0;
  bottom: 0;
  z-index: 2;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: center;
  gap: 8px 16px;
  padding: 8px 16px;
  background: var(--lr-panel);
  border-top: 1px solid var(--lr-rule);
  line-height: 1.3;
}
.lr-player[hidden] { display: none; }
.lr-player label { max-width: 100%; }
.lr-player select { font: inherit; color: inherit; background: var(--lr-bg); border: 1px solid var(--lr-rule); border-radius: 6px; min-height: 44px; min-width: 44px; max-width: 100%; }
.lr-player-note { flex-basis: 100%; margin: 0; text-align: center; color: var(--lr-muted); }
.lr-player-note:empty { display: none; }
.lr-speaking { background: color-mix(in srgb, var(--lr-link) 22%, transparent); border-radius: 2px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
`;

/** Voices may arrive late (Chromium loads them on first use); after this long, none means none. */
const VOICES_WAIT_MS = 1500;
/** What is read: the title, the intro and the article's text blocks; photos and notes are skipped. */
const READABLE = 'h1, [data-field="intro"], [data-block="paragraph"], [data-block="heading"], [data-block="quote"] > p:first-child, [data-block="list"] > li';

/** A unit being read, its text split into one span per sentence until it is left again. */
interface Unit {
  element: HTMLElement;
  original: Node[];
  sentences: HTMLElement[];
}

function loadVoices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener("voiceschanged", done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, VOICES_WAIT_MS);
    synth.addEventListener("voiceschanged", done);
  });
}

export function createReadAloud(options: ReadAloudOptions): ReadAloud {
  const { t, h, scroller, article } = options;
  const wanted = speechFor(options.url, options.lang);
  const language = t(`view_read_aloud_language_${wanted.language}`);
  const decimal = t("view_decimal_separator");

  const play = h("button", { type: "button", "data-action": "read-aloud-play" }, t("view_read_aloud_play"));
  const stopButton = h("button", { type: "button", "data-action": "read-aloud-stop" }, t("view_read_aloud_stop"));
  const rateSelect = h("select", { "data-field": "read-aloud-rate" }, ...READ_ALOUD_RATES.map((r) => h("option", { value: String(r) }, `${String(r).replace(".", decimal)}×`)));
  rateSelect.value = String(options.rate);
  const voiceSelect = h("select", { "data-field": "read-aloud-voice" });
  const note = h("p", { class: "lr-player-note", role: "status", "data-field": "read-aloud-note" });
  const player = h(
    "div",
    { id: options.id, class: "lr-player", role: "region", "aria-label": t("view_read_aloud"), hidden: "" },
    play,
    stopButton,
    h("label", {}, t("view_read_aloud_rate"), " ", rateSelect),
    h("label", {}, t("view_read_aloud_voice"), " ", voiceSelect),
    note,
  );

  let synth: SpeechSynthesis | null = null;
  let voices: SpeechSynthesisVoice[] = [];
  let pickedURI: string | null = null;
  let units: HTMLElement[] = [];
  let unitIndex = -1;
  let sentenceIndex = 0;
  let unit: Unit | null = null;
  let playing = false;
  /** Bumped on every cancel: events of an utterance from before it are ignored. */
  let generation = 0;

  const say = (key: string | null) => (note.textContent = key ? t(key, [language]) : "");

  /** The button says what it will do (its label changes, so it is no toggle button with aria-pressed). */
  function showPlaying(on: boolean) {
    playing = on;
    play.textContent = t(on ? "view_read_aloud_pause" : "view_read_aloud_play");
  }

  /** Fills the voice list (again while it has none of the article's language: one may have been installed since); says why nothing can read when that is so. */
  async function prepare(): Promise<boolean> {
    if (synth && voices.length > 0) return true;
    const engine = (window as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
    if (!engine || typeof SpeechSynthesisUtterance !== "function") {
      say("view_read_aloud_unsupported");
      return false;
    }
    synth = engine;
    voices = voicesFor(await loadVoices(engine), wanted);
    const choice = chooseVoice(voices, null);
    voiceSelect.replaceChildren(
      ...(choice.kind === "online-only" ? [h("option", { value: "", disabled: "", selected: "" }, t("view_read_aloud_pick"))] : []),
      ...voices.map((v) => h("option", { value: v.voiceURI }, v.localService ? `${v.name} (${v.lang})` : t("view_read_aloud_online_voice", [v.name, v.lang]))),
    );
    if (choice.kind === "voice") voiceSelect.value = choice.voice.voiceURI;
    showChoice();
    return true;
  }

  function showChoice() {
    const choice = chooseVoice(voices, pickedURI);
    if (choice.kind === "none") say("view_read_aloud_no_voice");
    else if (choice.kind === "online-only") say("view_read_aloud_online_only");
    else say(choice.online ? "view_read_aloud_online_note" : null);
    play.setAttribute("aria-disabled", String(choice.kind !== "voice"));
    return choice;
  }

  /** The first unit not yet scrolled past: reading starts where the reader is. */
  function startingUnit(): number {
    const top = scroller.getBoundingClientRect().top + options.topInset();
    const index = units.findIndex((el) => el.getBoundingClientRect().bottom > top + 1);
    return Math.max(0, index);
  }

  function enter(element: HTMLElement): Unit {
    const original = [...element.childNodes];
    const text = element.textContent ?? "";
    const pieces: (Node | string)[] = [];
    const sentences: HTMLElement[] = [];
    let at = 0;
    for (const { start, end } of splitSentences(text)) {
      if (start > at) pieces.push(text.slice(at, start));
      const span = h("span", { class: "lr-sentence" }, text.slice(start, end));
      sentences.push(span);
      pieces.push(span);
      at = end;
    }
    if (at < text.length) pieces.push(text.slice(at));
    element.replaceChildren(...pieces);
    return { element, original, sentences };
  }

  function leave() {
    if (unit) unit.element.replaceChildren(...unit.original);
    unit = null;
  }

  function keepInView(span: HTMLElement) {
    if (!span.isConnected) return;
    const box = scroller.getBoundingClientRect();
    const top = box.top + options.topInset();
    const bottom = box.bottom - (player.hidden ? 0 : player.getBoundingClientRect().height);
    const rect = span.getBoundingClientRect();
    if (rect.top >= top && rect.bottom <= bottom) return;
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    scroller.scrollBy({ top: rect.top - top - (bottom - top) / 3, behavior: reduce ? "auto" : "smooth" });
  }

  function speakCurrent() {
    const choice = chooseVoice(voices, pickedURI);
    if (!synth || choice.kind !== "voice") return showPlaying(false);
    while (unitIndex < units.length) {
      unit ??= enter(units[unitIndex]!);
      if (sentenceIndex < unit.sentences.length) break;
      leave();
      unitIndex++;
      sentenceIndex = 0;
    }
    if (!unit) return stop();
    const span = unit.sentences[sentenceIndex]!;
    for (const s of unit.sentences) s.classList.toggle("lr-speaking", s === span);
    keepInView(span);
    const mine = ++generation;
    const utterance = new SpeechSynthesisUtterance(span.textContent ?? "");
    utterance.voice = choice.voice;
    utterance.lang = choice.voice.lang;
    utterance.rate = Number(rateSelect.value) || 1;
    utterance.addEventListener("end", () => {
      if (mine !== generation) return;
      sentenceIndex++;
      speakCurrent();
    });
    utterance.addEventListener("error", (event) => {
      if (mine !== generation || event.error === "interrupted" || event.error === "canceled") return;
      showPlaying(false);
      say("view_read_aloud_failed");
    });
    synth.speak(utterance);
    showPlaying(true);
  }

  /** Cancels what is being said; the position stays, so play goes on from the same sentence. */
  function silence() {
    generation++;
    synth?.cancel();
  }

  async function toggle() {
    if (playing) {
      silence();
      return showPlaying(false);
    }
    if (!(await prepare()) || showChoice().kind !== "voice") return;
    if (unitIndex < 0) {
      options.complete();
      units = [...article.querySelectorAll<HTMLElement>(READABLE)];
      unitIndex = startingUnit();
      sentenceIndex = 0;
    }
    speakCurrent();
  }

  function stop() {
    silence();
    leave();
    unitIndex = -1;
    sentenceIndex = 0;
    showPlaying(false);
  }

  /** A new rate or voice applies at once: the current sentence starts again with it. */
  function restartSentence() {
    if (!playing) return;
    silence();
    speakCurrent();
  }

  play.addEventListener("click", () => {
    if (play.getAttribute("aria-disabled") !== "true") void toggle();
  });
  stopButton.addEventListener("click", stop);
  rateSelect.addEventListener("change", () => {
    options.onRateChange(Number(rateSelect.value));
    restartSentence();
  });
  voiceSelect.addEventListener("change", () => {
    pickedURI = voiceSelect.value || null;
    showChoice();
    restartSentence();
  });

  function refresh() {
    if (unitIndex < 0) return;
    const next = [...article.querySelectorAll<HTMLElement>(READABLE)];
    const current = units[unitIndex];
    const at = current ? next.indexOf(current) : -1;
    if (at >= 0) unitIndex = at;
    else {
      // The unit being read went: it is read to its end, then the first unit after it that is still there.
      const after = units.slice(unitIndex + 1).find((el) => el.isConnected);
      unitIndex = (after ? next.indexOf(after) : next.length) - 1;
    }
    units = next;
  }

  return {
    player,
    refresh,
    show(visible) {
      player.hidden = !visible;
      if (visible) void prepare();
      else stop();
    },
    stop,
  };
}
