import { describe, expect, it } from "vitest";
import type { EmbedKind } from "../../src/core/article";
import { MESSAGES, translator } from "./helpers";

const viewKeys = (lang: "nl" | "en") => Object.keys(MESSAGES[lang]).filter((k) => k.startsWith("view_")).sort();
const KINDS: EmbedKind[] = ["x", "instagram", "youtube", "facebook", "tiktok", "spotify", "soundcloud", "vimeo", "datawrapper", "omny", "podcast", "liveblog", "video", "unknown"];

describe("reading view texts", () => {
  it("exist in Dutch and English alike, with the same placeholders", () => {
    expect(viewKeys("en")).toEqual(viewKeys("nl"));
    for (const key of viewKeys("nl")) {
      expect(Object.keys(MESSAGES.en[key]?.placeholders ?? {}), key).toEqual(Object.keys(MESSAGES.nl[key]?.placeholders ?? {}));
    }
  });

  it("name every kind of embed", () => {
    for (const lang of ["nl", "en"] as const) {
      const t = translator(lang);
      for (const kind of KINDS) expect(t(`view_embed_what_${kind}`).length, `${lang} ${kind}`).toBeGreaterThan(2);
    }
  });

  it("fill their placeholders the way browser.i18n does", () => {
    expect(translator("nl")("view_reading_time", ["4"])).toBe("4 min lezen");
    expect(translator("en")("view_embed_note", ["Video on TikTok"])).toBe("Video on TikTok — not loaded");
  });
});
