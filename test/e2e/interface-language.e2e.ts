/**
 * The interface in the reader's language, in both browsers: Dutch (our readers') and French (7sur7's).
 * Chromium takes it from LANGUAGE; Firefox from its app locale, for which the harness puts the
 * build's own language pack into the profile (harness/firefox-locale.ts). The texts asserted are
 * the locale files' own, so a browser that quietly ran English would fail here.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectOffered, openView, popupState, waitForPopup } from "./harness/checks";
import { ChromiumSession } from "./harness/chromium";
import { FirefoxSession } from "./harness/firefox";
import { PHONE_WIDTH, type BrowserSession } from "./harness/session";
import { loadFixture, SEED, type Fixture } from "../../scripts/lib/fixtures";
import fr from "../../src/_locales/fr/messages.json";
import nl from "../../src/_locales/nl/messages.json";

type Language = "nl" | "fr";
const MESSAGES = { nl, fr };
const FRENCH_ARTICLE = "7sur7-grid-tunnel-sans-marqueur";
/** A blocked Instagram post in the grid template's own form, put into the 7sur7 page (which has none). */
const BLOCKED_POST =
  '<div data-content-type="EMBED" style="grid-column-start:3;grid-column-end:11"><div><div old-src="https://www.instagram.com/p/C1a2b3c4d5e/embed/" style="height:0"></div></div></div>';

/** The 7sur7 fixture with one blocked post after its first paragraph, at an address of its own. */
function frenchArticleWithBlockedPost(): Fixture {
  const fixture = loadFixture(FRENCH_ARTICLE);
  const at = fixture.html.indexOf('<div data-content-type="PARAGRAPH"');
  if (at < 0) throw new Error(`${FRENCH_ARTICLE} has no paragraph block to put a post before`);
  const url = fixture.expected.url.replace(/\/$/, "-publication/");
  return {
    ...fixture,
    name: `${FRENCH_ARTICLE}-with-post`,
    html: fixture.html.slice(0, at) + BLOCKED_POST + fixture.html.slice(at),
    expected: { ...fixture.expected, url },
  };
}

/** Runs in the page (`Tab.inView`): the view's toolbar and notes, as a screen reader names them. */
function viewWords(root: ShadowRoot | null) {
  const bar = root?.querySelector(".lr-bar");
  return {
    toolbar: bar?.getAttribute("aria-label") ?? null,
    buttons: Array.from(bar?.querySelectorAll("button") ?? []).map((b) => b.getAttribute("aria-label") ?? b.getAttribute("title") ?? ""),
    // The note without its "leaves the page" arrow, and its link's tooltip.
    notes: Array.from(root?.querySelectorAll('[data-block="embed"]') ?? []).map((n) => (n.textContent ?? "").replace(/\s+/g, " ").replace(/\s*↗$/, "").trim()),
    noteTitles: Array.from(root?.querySelectorAll('[data-block="embed"] a') ?? []).map((a) => a.getAttribute("title") ?? ""),
    articleLang: root?.querySelector("article")?.getAttribute("lang") ?? null,
    viewLang: root?.querySelector('[role="dialog"]')?.getAttribute("lang") ?? null,
    noteLang: root?.querySelector('[data-block="embed"]')?.getAttribute("lang") ?? null,
  };
}

export function describeInterfaceLanguageIn(browserName: string, launch: (language: Language) => Promise<BrowserSession>): void {
  for (const language of ["nl", "fr"] as const) {
    const m = MESSAGES[language];
    describe(`${browserName}: the interface in ${language === "nl" ? "Dutch" : "French"}`, () => {
      let session: BrowserSession;
      beforeAll(async () => {
        session = await launch(language);
      });
      afterAll(async () => {
        await session?.close();
      });

      test(`after install, the welcome page opened in ${language}, and fits a phone (${PHONE_WIDTH} px) without sideways scrolling`, () => {
        expect(session.welcomePage).toEqual({
          url: expect.stringMatching(/^(chrome|moz)-extension:\/\/[^/]+\/welcome\.html$/),
          lang: language,
          heading: m.welcome_title.message,
          choices: 2,
          width: PHONE_WIDTH,
          scrollsSideways: false,
        });
      });

      test(`the popup speaks ${language} on the seed article`, async () => {
        const seed = loadFixture(SEED);
        const tab = await session.open(seed);
        await expectOffered(session, tab, seed);
        const popup = await session.popup(tab);
        const shown = await waitForPopup(popup, "the tab's status", (s) => s.state === "available");
        expect(shown.message).toBe(m.popup_msg_available.message);
        expect(shown.summary).toBe(
          `${m.popup_blocked_one.message.replace("$COUNT$", "1")}, ${m.popup_photo_one.message.replace("$COUNT$", "1")}`,
        );
        const page = await popup.evaluate(
          () => ({ lang: document.documentElement.lang, toggle: document.querySelector("#view-toggle")?.closest("label")?.textContent?.trim() ?? "" }),
          undefined,
        );
        expect(page).toEqual({ lang: language, toggle: m.popup_view_toggle.message });
        expect((await popupState(popup)).state).toBe("available");
        await popup.close();
        await tab.close();
      });

      test(`the view's toolbar and a blocked post's note speak ${language}; the French article keeps lang="fr"`, async () => {
        const fixture = frenchArticleWithBlockedPost();
        const tab = await session.open(fixture);
        await openView(session, tab);
        const words = await tab.inView(viewWords, undefined);
        expect(words.toolbar).toBe(m.view_toolbar.message);
        expect(words.buttons).toEqual(expect.arrayContaining([m.view_close.message, m.view_settings.message, m.view_read_aloud.message]));
        expect(words.notes).toEqual([m.view_embed_note.message.replace("$WHAT$", m.view_embed_what_instagram.message)]);
        expect(words.noteTitles).toEqual([m.view_embed_link_title.message.replaceAll("$SITE$", "Instagram")]);
        expect(words).toMatchObject({ articleLang: "fr", viewLang: language, noteLang: language });
        await tab.close();
      });
    });
  }
}

describeInterfaceLanguageIn("Chromium", (language) => ChromiumSession.launch({ language }));
describeInterfaceLanguageIn("Firefox", (language) => FirefoxSession.launch({ language }));
