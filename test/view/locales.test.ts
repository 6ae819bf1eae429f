import { describe, expect, it } from "vitest";
import type { EmbedKind } from "../../src/core/article";
import { translator, type Locale } from "./helpers";

// Every locale's keys and placeholders: test/extension/locales.test.ts.
const KINDS: EmbedKind[] = ["x", "instagram", "youtube", "facebook", "tiktok", "spotify", "soundcloud", "vimeo", "datawrapper", "omny", "podcast", "liveblog", "video", "unknown"];
const LOCALES: Locale[] = ["nl", "en", "fr"];

describe("reading view texts", () => {
  it("name every kind of embed", () => {
    for (const lang of LOCALES) {
      const t = translator(lang);
      for (const kind of KINDS) expect(t(`view_embed_what_${kind}`).length, `${lang} ${kind}`).toBeGreaterThan(2);
    }
  });

  it("fill their placeholders the way browser.i18n does", () => {
    expect(translator("nl")("view_reading_time", ["4"])).toBe("4 min lezen");
    expect(translator("en")("view_embed_note", ["Video on TikTok"])).toBe("Video on TikTok — not loaded");
    expect(translator("fr")("view_embed_note", ["Vidéo sur TikTok"])).toBe("Vidéo sur TikTok — non chargée");
  });
});
