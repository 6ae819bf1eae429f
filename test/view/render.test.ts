import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { SEED_IMAGE, SEED_URL, closeAll, embed, openWhole, seedArticle, type OpenedView } from "./helpers";

let view: OpenedView;
afterEach(closeAll);

describe("reading view DOM", () => {
  it("mounts one host on <html> with an open shadow root and a modal dialog labelled by the title", async () => {
    view = await openWhole();
    expect(view.host.parentNode).toBe(document.documentElement);
    expect(document.querySelectorAll("#leesrust-reading-view")).toHaveLength(1);
    const dialog = view.$(".lr-root");
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(view.shadow.getElementById(dialog.getAttribute("aria-labelledby") ?? "")?.tagName).toBe("H1");
    expect(view.$("style").textContent).toContain(":host");
  });

  it("renders the header: site, title, intro, byline, date, reading time, original link", async () => {
    view = await openWhole();
    const header = view.$("article[lang='nl'] > header");
    expect(header.querySelector("[data-field='site']")?.textContent).toBe("AD");
    expect(header.querySelector("h1")?.textContent).toBe("Taliban nemen ook Kandahar in, de tweede stad van Afghanistan");
    expect(header.querySelector("p[data-field='intro']")?.textContent).toBe(
      "Na Herat en Ghazni is nu ook Kandahar in handen van de Taliban.",
    );
    expect(header.querySelector("[data-field='byline']")?.textContent).toBe("Redactie Buitenland");
    const time = header.querySelector("time[data-field='published']");
    expect(time?.getAttribute("datetime")).toBe("2021-08-13T07:12:00.000Z");
    expect(time?.textContent).toMatch(/^13 augustus 2021, \d\d:12$/);
    expect(header.querySelector("[data-field='reading-time']")?.textContent).toBe("1 min lezen");
    const original = header.querySelector<HTMLAnchorElement>("a[data-field='original']");
    expect(original?.href).toBe(SEED_URL);
    expect(original?.textContent).toBe("Origineel artikel");
    expect(original?.rel).toBe("noopener noreferrer");
    expect(original?.getAttribute("referrerpolicy")).toBe("no-referrer");
  });

  it("renders one element per block, in order, with the right element and text", async () => {
    view = await openWhole();
    const blocks = view.$$("article > [data-block]");
    expect(blocks.map((b) => `${b.tagName.toLowerCase()}[${b.dataset.block}]`)).toEqual([
      "p[paragraph]",
      "p[paragraph]",
      "figure[figure]",
      "h2[heading]",
      "p[paragraph]",
      "blockquote[quote]",
      "ul[list]",
      "aside[embed]",
      "aside[embed]",
    ]);
    const article = seedArticle();
    const lead = article.blocks[0];
    expect(blocks[0]?.textContent).toBe(lead?.type === "paragraph" ? lead.text : "");
    expect(blocks[3]?.textContent).toBe("Deal");
    expect(blocks[5]?.querySelector("p")?.textContent).toBe("De stad is gevallen.");
    expect(blocks[5]?.querySelector("cite")?.textContent).toBe("Een regeringsfunctionaris");
    expect([...(blocks[6]?.querySelectorAll("li") ?? [])].map((li) => li.textContent)).toEqual(["Kandahar", "Herat", "Ghazni"]);
  });

  it("renders a figure as img + figcaption with caption and credit apart", async () => {
    view = await openWhole();
    const figure = view.$("figure[data-block='figure']");
    const img = figure.querySelector("img");
    expect(img?.getAttribute("src")).toBe(SEED_IMAGE);
    expect(img?.alt).toBe("Afghaanse burgers bij de grens");
    expect(img?.getAttribute("loading")).toBe("lazy");
    expect(img?.getAttribute("decoding")).toBe("async");
    expect(img?.getAttribute("referrerpolicy")).toBe("no-referrer");
    expect(figure.querySelector("figcaption > span")?.textContent).toBe(
      "Afghaanse burgers zijn gestrand bij de grens met Pakistan, die door de Taliban is gesloten.",
    );
    expect(figure.querySelector("figcaption > small")?.textContent).toBe("© EPA");
  });

  it("renders a blocked post with a known link as one quiet line that links it, the cookie warning in its tooltip", async () => {
    view = await openWhole();
    const [instagram] = view.$$("aside[data-block='embed']");
    expect(instagram?.getAttribute("role")).toBe("note");
    expect(instagram?.textContent).toBe("Bericht op Instagram — niet geladen ↗");
    const link = instagram?.querySelector("a");
    expect(link?.getAttribute("href")).toBe("https://www.instagram.com/p/CSh2pXbLQ1x/");
    expect(link?.title).toBe("Opent het origineel op Instagram in een nieuw tabblad. Instagram kan eigen cookies plaatsen.");
    expect(link?.querySelector("[aria-hidden='true']")?.textContent).toBe(" ↗");
    expect(link?.target).toBe("_blank");
    expect(link?.rel).toBe("noopener noreferrer");
    expect(link?.getAttribute("referrerpolicy")).toBe("no-referrer");
    expect(instagram?.classList.contains("lr-unlinked")).toBe(false);
  });

  it("renders a blocked post without a link as a line without one, marked for the smaller face", async () => {
    view = await openWhole();
    const unknown = view.$$("aside[data-block='embed']")[1];
    expect(unknown?.querySelector("a")).toBeNull();
    expect(unknown?.textContent).toBe("Bericht op sociale media — niet geladen");
    expect(unknown?.classList.contains("lr-unlinked")).toBe(true);
  });

  it("words notes from kind and link alone, in the reader's language", async () => {
    const article: Article = {
      ...seedArticle(),
      blocks: [
        embed("unknown", "https://example.org/post/1"),
        embed("liveblog", null),
      ],
    };
    view = await openWhole(article, { lang: "en" });
    const [linked, unlinked] = view.$$("aside[data-block='embed']");
    expect(linked?.textContent).toBe("Social media post — not loaded ↗");
    expect(linked?.querySelector("a")?.title).toBe("Opens the original on example.org in a new tab. example.org may set its own cookies.");
    expect(unlinked?.textContent).toBe("Liveblog — not loaded");
  });

  it("hides the notes without a link when the reader asks, and shows them again", async () => {
    view = await openWhole(seedArticle(), { settings: { ...DEFAULT_SETTINGS.view, hideUnlinkedNotes: true } });
    expect(view.$(".lr-root").dataset.unlinkedNotes).toBe("hidden");
    view.handle.update(DEFAULT_SETTINGS.view);
    expect(view.$(".lr-root").dataset.unlinkedNotes).toBe("shown");
  });

  it("speaks English when the browser does, and leaves unknown fields out", async () => {
    const article: Article = { ...seedArticle(), intro: null, byline: null, published: null, blocks: [] };
    view = await openWhole(article, { lang: "en" });
    expect(view.$$("[data-field='intro'], [data-field='byline'], [data-field='published']")).toEqual([]);
    expect(view.$("[data-field='reading-time']").textContent).toBe("1 min read");
    expect(view.$("button[data-action='close']").getAttribute("aria-label")).toBe("Close");
  });

  it("formats the date for the UI language", async () => {
    view = await openWhole(seedArticle(), { lang: "en" });
    expect(view.$("time").textContent).toMatch(/^13 August 2021, \d\d:12$/);
  });

  it("renders h3 for level-3 headings and ol for ordered lists", async () => {
    const article: Article = {
      ...seedArticle(),
      blocks: [
        { type: "heading", level: 3, text: "Tussenkop" },
        { type: "list", text: "een\ntwee", items: ["een", "twee"], ordered: true },
        { type: "figure", text: "", src: null, alt: "", caption: "Alleen onderschrift", credit: null },
      ],
    };
    view = await openWhole(article);
    expect(view.$("h3[data-block='heading']").textContent).toBe("Tussenkop");
    expect(view.$$("ol[data-block='list'] > li").map((li) => li.textContent)).toEqual(["een", "twee"]);
    const figure = view.$("figure[data-block='figure']");
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.querySelector("figcaption")?.textContent).toBe("Alleen onderschrift");
  });
});
