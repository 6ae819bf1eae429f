/**
 * Shared by the view tests: a translator that works like browser.i18n.getMessage on the real
 * locale files (and throws on a missing key, so a forgotten key fails a test), a realistic
 * hand-built Article from the seed page, and a way to open the view and reach into its shadow root.
 */
import { vi } from "vitest";
import type { Article, EmbedBlock, EmbedKind } from "../../src/core/article";
import { DEFAULT_SETTINGS, type ViewSettings } from "../../src/shared/settings";
import { prepareReadingView, type ReadingViewHandle, type ReadingViewOptions } from "../../src/inject/view/index";
import en from "../../src/_locales/en/messages.json";
import fr from "../../src/_locales/fr/messages.json";
import nl from "../../src/_locales/nl/messages.json";

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Locale = "nl" | "en" | "fr";
export const MESSAGES: Record<Locale, Record<string, Message>> = { nl, en, fr };

/** chrome.i18n semantics: $NAME$ → the placeholder's content, whose $1…$9 → subs. */
export function translator(lang: Locale): (key: string, subs?: string[]) => string {
  const messages = MESSAGES[lang];
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`missing ${lang} message ${key}`);
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? "");
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      if (!placeholder) throw new Error(`${lang} message ${key} has no placeholder ${name}`);
      return fill(placeholder.content);
    });
  };
}

export const SEED_URL = "https://www.ad.nl/buitenland/taliban-nemen-ook-kandahar-in~a3e7c2f1/";
export const SEED_IMAGE = "https://images.ad.nl/afghaanse-burgers-gestrand/0x0:4000x2667/1280x0/filters:quality(80)/kandahar.jpg";

/**
 * A blocked post as the model gives it: its kind and link. The view words the note itself, so
 * a test never needs the model's own note text (which the core is dropping).
 */
export function embed(kind: EmbedKind, url: string | null): EmbedBlock {
  return { type: "embed", kind, url } as EmbedBlock;
}

/** The seed article (../shared/seed-article.txt) as extract() should model it, plus one of each rarer block. */
export function seedArticle(): Article {
  return {
    title: "Taliban nemen ook Kandahar in, de tweede stad van Afghanistan",
    intro: "Na Herat en Ghazni is nu ook Kandahar in handen van de Taliban.",
    byline: "Redactie Buitenland",
    published: "2021-08-13T09:12:00+02:00",
    site: "AD",
    url: SEED_URL,
    lang: "nl",
    paywall: false,
    blocks: [
      {
        type: "paragraph",
        text: "De Taliban hebben ook de stad Kandahar in het zuiden van Afghanistan ingenomen. Het is na de hoofdstad Kabul de grootste stad van het land en diende eerder als officieuze hoofdstad van de Taliban, voordat de radicaal-islamitische beweging begin deze eeuw door westerse strijdmachten werd verdreven.",
      },
      {
        type: "paragraph",
        text: "De lokale autoriteiten bevestigen de overname. ,,Na hevige gevechten gisteravond heeft de Taliban controle over Kandahar”, zegt een lokale regeringsfunctionaris tegen persbureau Reuters, nadat de extremisten verkondigden dat ze de stad in handen hadden. Het vliegveld van Kandahar is nog wel in handen van de regering.",
      },
      {
        type: "figure",
        text: "Afghaanse burgers zijn gestrand bij de grens met Pakistan, die door de Taliban is gesloten. © EPA",
        src: SEED_IMAGE,
        alt: "Afghaanse burgers bij de grens",
        caption: "Afghaanse burgers zijn gestrand bij de grens met Pakistan, die door de Taliban is gesloten.",
        credit: "EPA",
      },
      { type: "heading", level: 2, text: "Deal" },
      {
        type: "paragraph",
        text: "Op veel plekken in Afghanistan wordt gevochten. Vrijdag (lokale tijd) werd bekend dat de grote stad Lashkar Gah in de provincie Helmand ook door de Taliban is veroverd.",
      },
      { type: "quote", text: "De stad is gevallen.", cite: "Een regeringsfunctionaris" },
      { type: "list", text: "Kandahar\nHerat\nGhazni", items: ["Kandahar", "Herat", "Ghazni"], ordered: false },
      embed("instagram", "https://www.instagram.com/p/CSh2pXbLQ1x/"),
      embed("unknown", null),
    ],
  };
}

export interface OpenedView {
  host: HTMLElement;
  shadow: ShadowRoot;
  handle: ReadingViewHandle;
  onClose: ReturnType<typeof vi.fn>;
  onSettingsChange: ReturnType<typeof vi.fn>;
  $: <E extends Element = HTMLElement>(selector: string) => E;
  $$: <E extends Element = HTMLElement>(selector: string) => E[];
}

type ViewOptionChoices = Partial<ReadingViewOptions> & { lang?: Locale; settings?: ViewSettings };

/**
 * The options the tab session gives the view: default settings, the texts of `lang` (Dutch),
 * recording callbacks. jsdom makes no trusted events, so these views act on a script's events
 * too, unless a test gives `acceptEvent` (see trusted-events.test.ts).
 */
export function viewOptions({ lang = "nl", ...options }: ViewOptionChoices = {}) {
  return {
    settings: DEFAULT_SETTINGS.view,
    t: translator(lang),
    onClose: vi.fn(),
    onSettingsChange: vi.fn(),
    originalUrl: SEED_URL,
    acceptEvent: () => true,
    ...options,
  };
}

export function open(article: Article = seedArticle(), options: ViewOptionChoices = {}): OpenedView {
  const onClose = vi.fn();
  const onSettingsChange = vi.fn();
  const chosen: ReadingViewOptions = viewOptions({ onClose, onSettingsChange, ...options });
  const prepared = prepareReadingView(article, chosen);
  const handle = prepared.open(chosen.settings);
  // The root is closed: the page cannot reach it, only the view's caller, as here.
  const shadow = prepared.root;
  const host = shadow.host as HTMLElement;
  const $ = <E extends Element = HTMLElement>(selector: string) => {
    const el = shadow.querySelector<E>(selector);
    if (!el) throw new Error(`no ${selector} in the reading view`);
    return el;
  };
  const $$ = <E extends Element = HTMLElement>(selector: string) => [...shadow.querySelectorAll<E>(selector)];
  const view = { host, shadow, handle, onClose, onSettingsChange, $, $$ };
  opened.push(view);
  return view;
}

const opened: OpenedView[] = [];

/** For afterEach: close every view a test opened, so no listener outlives its test. */
export function closeAll(): void {
  for (const view of opened.splice(0)) view.handle.close();
}

/** The view adds the rest of the article and its page style once its first frame is painted. */
export function afterFirstFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The view with the whole article in it: the first screen and the blocks that follow it. */
export async function openWhole(...args: Parameters<typeof open>): Promise<OpenedView> {
  const view = open(...args);
  await afterFirstFrame();
  if (view.$("article").hasAttribute("aria-busy")) throw new Error("the article was still incomplete after the first frame");
  return view;
}

/** Opens the settings panel, which the view fills on first open. */
export function openSettings(view: OpenedView): void {
  view.$<HTMLButtonElement>("button[data-action='settings']").click();
}

export function pressKey(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.activeElement ?? document.body) {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
}
