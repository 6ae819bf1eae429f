import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, type ViewSettings } from "../../src/shared/settings";
import { prepareReadingView } from "../../src/inject/view/index";
import { PHONE } from "../../src/inject/view/styles";
import { closeAll, seedArticle, viewOptions } from "./helpers";

/** What the warm-up asked a canvas to measure: text by font. jsdom has no canvas, so a recorder stands in. */
function recordCanvas({ withContext = true } = {}): Map<string, string> {
  const measured = new Map<string, string>();
  const context = {
    font: "",
    measureText(text: string) {
      measured.set(context.font, (measured.get(context.font) ?? "") + text);
      return {};
    },
  };
  const createElement = document.createElement.bind(document);
  vi.spyOn(document, "createElement").mockImplementation((tag: string, options?: ElementCreationOptions) => {
    const el = createElement(tag, options);
    if (tag === "canvas") Object.defineProperty(el, "getContext", { value: () => (withContext ? context : null) });
    return el;
  });
  return measured;
}

function prepare(settings: ViewSettings = DEFAULT_SETTINGS.view) {
  return prepareReadingView(seedArticle(), viewOptions({ settings }));
}

afterEach(() => {
  vi.restoreAllMocks();
  closeAll();
});

describe("warming the view's faces ahead", () => {
  it("measures each piece of the first screen's text in the face the view sets it in", () => {
    // A screen tall enough for the whole seed article in the first frame.
    vi.spyOn(window, "innerHeight", "get").mockReturnValue(4000);
    const measured = recordCanvas();
    prepare().warm();
    const article = seedArticle();
    const fontOf = (text: string) => [...measured].filter(([, texts]) => texts.includes(text)).map(([font]) => font);
    // Default settings: 20 px, serif.
    expect(fontOf(article.title)).toEqual(["700 40px Georgia, serif"]);
    expect(fontOf(article.intro!)).toEqual(["400 23px Georgia, serif"]);
    expect(fontOf("De Taliban hebben ook de stad Kandahar")).toEqual(["400 20px Georgia, serif"]);
    expect(fontOf(article.byline!)).toEqual(["400 15px system-ui, sans-serif"]);
    expect(fontOf("Deal")).toEqual(["700 28px Georgia, serif"]);
    expect(fontOf("Afghaanse burgers zijn gestrand")).toEqual(["400 15.6px system-ui, sans-serif"]);
    expect(fontOf("De stad is gevallen.")).toEqual(["italic 400 20px Georgia, serif"]);
    expect(fontOf("Een regeringsfunctionaris")).toEqual(["400 20px Georgia, serif"]);
    // The toolbar's own labels, at its fixed size.
    expect([...measured.keys()]).toContain("400 15px system-ui, sans-serif");
  });

  it("takes the phone's sizes on a phone", () => {
    vi.stubGlobal("matchMedia", (query: string) => ({ matches: query === PHONE }));
    const measured = recordCanvas();
    prepare().warm();
    vi.unstubAllGlobals();
    expect(measured.get("700 30px Georgia, serif")).toContain(seedArticle().title);
    expect(measured.get("400 21px Georgia, serif")).toContain(seedArticle().intro);
  });

  it("follows the reader's font and size", () => {
    const measured = recordCanvas();
    prepare({ ...DEFAULT_SETTINGS.view, font: "sans", size: 24 }).warm();
    expect(measured.get("700 48px system-ui, sans-serif")).toContain(seedArticle().title);
    expect(measured.get("400 24px system-ui, sans-serif")).toContain("De Taliban hebben ook de stad Kandahar");
  });

  it("puts nothing on the page, and is skipped once the view is open or without a canvas", () => {
    const before = document.documentElement.outerHTML;
    const measured = recordCanvas();
    const view = prepare();
    view.warm();
    expect(measured.size).toBeGreaterThan(0);
    expect(document.documentElement.outerHTML).toBe(before);

    measured.clear();
    view.open(DEFAULT_SETTINGS.view).close();
    view.warm();
    expect(measured.size).toBe(0);

    vi.restoreAllMocks();
    const none = recordCanvas({ withContext: false });
    expect(() => prepare().warm()).not.toThrow();
    expect(none.size).toBe(0);
  });
});
