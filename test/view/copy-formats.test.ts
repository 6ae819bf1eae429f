import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article";
import type { CopyContext } from "../../src/inject/view/article-text";
import { embedNote } from "../../src/inject/view/embed-note";
import { postPage } from "../../src/core/urls";
import { articleToMarkdown, escapeMarkdown } from "../../src/inject/view/markdown";
import { articleToPlainText } from "../../src/inject/view/plaintext";
import { SEED_IMAGE, SEED_URL, embed, seedArticle, translator } from "./helpers";

const t = translator("nl");
const note: CopyContext["note"] = (block) => embedNote(block, t);
const context: CopyContext = { date: "13 augustus 2021, 09:12", url: SEED_URL, sourceLabel: "Bron", note };
const bare: CopyContext = { date: null, url: null, sourceLabel: "Bron", note };

describe("articleToPlainText", () => {
  it("writes the seed article as plain text, block by block", () => {
    const article = seedArticle();
    const p = article.blocks.filter((b) => b.type === "paragraph").map((b) => b.text);
    expect(articleToPlainText(article, context)).toBe(
      [
        "Taliban nemen ook Kandahar in, de tweede stad van Afghanistan",
        "Na Herat en Ghazni is nu ook Kandahar in handen van de Taliban.",
        "Redactie Buitenland · AD · 13 augustus 2021, 09:12",
        p[0],
        p[1],
        "Afghaanse burgers zijn gestrand bij de grens met Pakistan, die door de Taliban is gesloten. © EPA",
        "Deal",
        p[2],
        "De stad is gevallen.\n— Een regeringsfunctionaris",
        "- Kandahar\n- Herat\n- Ghazni",
        "Bericht op Instagram — niet geladen (https://www.instagram.com/p/CSh2pXbLQ1x/)",
        "Bericht op sociale media — niet geladen",
        `Bron: ${SEED_URL}`,
      ].join("\n\n") + "\n",
    );
  });

  it("leaves out what is unknown and never prints an unsafe URL", () => {
    const article: Article = {
      title: "  Kop\n met regel  ",
      intro: null,
      byline: null,
      published: null,
      site: "AD",
      url: null,
      lang: "nl",
      paywall: false,
      blocks: [
        embed("x", "javascript:alert(1)"),
        { type: "list", text: "a\nb", items: ["a", "b"], ordered: true },
        { type: "figure", text: "", src: null, alt: "", caption: null, credit: "©  ANP" },
      ],
    };
    expect(articleToPlainText(article, bare)).toBe(
      "Kop met regel\n\nAD\n\nBericht op X — niet geladen\n\n1. a\n2. b\n\n© ANP\n",
    );
  });

  it("leaves out the notes the reader hides", () => {
    const article = seedArticle();
    const hiding: CopyContext = { ...context, note: (block) => (block.url ? note(block) : null) };
    const text = articleToPlainText(article, hiding);
    expect(text).toContain("Bericht op Instagram — niet geladen");
    expect(text).not.toContain("sociale media");
    expect(text).not.toMatch(/\n\n\n/);
  });
});

describe("articleToMarkdown", () => {
  it("writes the seed article as Markdown, block by block", () => {
    const article = seedArticle();
    const p = article.blocks.filter((b) => b.type === "paragraph").map((b) => b.text);
    expect(articleToMarkdown(article, context)).toBe(
      [
        "# Taliban nemen ook Kandahar in, de tweede stad van Afghanistan",
        "*Na Herat en Ghazni is nu ook Kandahar in handen van de Taliban.*",
        "Redactie Buitenland · AD · 13 augustus 2021, 09:12",
        p[0],
        p[1],
        `![Afghaanse burgers bij de grens](<${SEED_IMAGE}>)\n\n*Afghaanse burgers zijn gestrand bij de grens met Pakistan, die door de Taliban is gesloten. © EPA*`,
        "## Deal",
        p[2],
        "> De stad is gevallen.\n>\n> — Een regeringsfunctionaris",
        "- Kandahar\n- Herat\n- Ghazni",
        "[Bericht op Instagram — niet geladen](<https://www.instagram.com/p/CSh2pXbLQ1x/>)",
        "Bericht op sociale media — niet geladen",
        `Bron: <${SEED_URL}>`,
      ].join("\n\n") + "\n",
    );
  });

  it("escapes text so that it cannot become markup, links or HTML", () => {
    const article: Article = {
      title: "<img src=x onerror=alert(1)> *vet* [klik](javascript:alert(1))",
      intro: null,
      byline: null,
      published: null,
      site: "AD",
      url: null,
      lang: "nl",
      paywall: false,
      blocks: [
        { type: "paragraph", text: "1990. Het jaar" },
        { type: "paragraph", text: "- geen lijst" },
        { type: "paragraph", text: "# geen kop, _ook_ geen `code` of ~~streep~~" },
        { type: "paragraph", text: "H&M en &amp; en &#60;" },
        { type: "heading", level: 3, text: "Vraag #1" },
        { type: "figure", text: "", src: "data:image/png;base64,AAAA", alt: "x", caption: "Foto", credit: null },
        embed("youtube", "https://youtu.be/a(b)c d"),
      ],
    };
    expect(articleToMarkdown(article, bare)).toBe(
      [
        "# \\<img src=x onerror=alert(1)\\> \\*vet\\* \\[klik\\](javascript:alert(1))",
        "AD",
        "1990\\. Het jaar",
        "\\- geen lijst",
        "\\# geen kop, \\_ook\\_ geen \\`code\\` of \\~\\~streep\\~\\~",
        "H&M en \\&amp; en &\\#60;",
        "### Vraag \\#1",
        "*Foto*",
        "[Video op YouTube — niet geladen](<https://youtu.be/a(b)c%20d>)",
      ].join("\n\n") + "\n",
    );
  });

  it("links a YouTube player's watch page, not the bare player", () => {
    expect(postPage("https://www.youtube.com/embed/dQw4w9WgXcQ")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(postPage("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(postPage("https://example.org/embed/dQw4w9WgXcQ")).toBe("https://example.org/embed/dQw4w9WgXcQ");
    const article = { ...seedArticle(), blocks: [embed("youtube", "https://www.youtube.com/embed/dQw4w9WgXcQ")] };
    expect(articleToMarkdown(article, bare)).toContain("(<https://www.youtube.com/watch?v=dQw4w9WgXcQ>)");
  });

  it("escapes backslashes first, so an escape in the text stays text", () => {
    expect(escapeMarkdown("a\\*b")).toBe("a\\\\\\*b");
  });
});
