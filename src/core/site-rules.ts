/**
 * Everything Leesrust knows about DPG Media pages, as data. A changed layout or a new
 * wording should be a one-line edit here, not a code change. Facts come from
 * ../shared/dpg-markup-notes.md; class names of the current template are hashed and
 * never used.
 */
import type { EmbedKind } from "./article";

/**
 * Phrases recognised by their text (loosely: case, spacing, punctuation, accents ignored).
 * 7sur7.be (French) surely words them differently; no copy of its wording was found, so its
 * variants are to be added here as extra lines once seen.
 */
export const PHRASES = {
  /** The consent placeholder that replaces a social post, liveblog or video. */
  placeholder: [
    "Helaas kunnen wij deze social post, liveblog of anders niet tonen omdat het één of meerdere social media-elementen bevat. Aanvaard de social media-cookies om deze inhoud alsnog te tonen.",
  ],
  /** Screen-reader note before an inline photo. */
  photoMarker: ["Tekst gaat verder onder de foto."],
  /** Intro of the news-video playlist widget. */
  playlist: ["Bekijk onze nieuwsvideo's in onderstaande playlist:"],
} as const;

export type PhraseKind = keyof typeof PHRASES;

/** Whole blocks (paragraphs, caption parts, inline spans) with exactly this text are junk. */
export const JUNK_TEXTS = [
  "Tekst gaat verder onder de foto.",
  "Onze excuses",
  "Advertentie",
  "Volledig scherm",
  "Open deze afbeelding in volledig scherm",
  "Bekijk onze nieuwsvideo's in onderstaande playlist:",
  "Deel dit artikel",
  "Delen",
  "Aanvaard de social media-cookies",
  "Sociale media-cookies aanvaarden",
  "Cookie-instellingen",
];

/** Blocks starting with one of these are promotions, not article text. */
export const JUNK_PREFIXES = ["Lees ook", "Lees meer", "Bekijk onze nieuwsvideo", "Schrijf je in voor", "Meld je aan voor de nieuwsbrief"];

/** Elements whose contents the reader never sees: ignored by detection. */
export const INVISIBLE_TAGS = new Set(["script", "style", "template", "noscript", "head", "title"]);

/** Elements whose contents are never article text: ignored by extraction (invisible ones included). */
export const SKIP_TAGS = new Set([
  ...INVISIBLE_TAGS,
  "svg", "button", "iframe", "object", "embed",
  "select", "textarea", "input", "form", "nav", "canvas", "video", "audio", "dialog",
]);

/** Tags that start a new block when walking the body; everything else is inline. */
export const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3",
  "h4", "h5", "h6", "figure", "figcaption", "ul", "ol", "li", "dl", "blockquote", "table", "pre",
  "hr", "details", "form",
]);

/** Not part of any article: ads, promotions, tips, share bars, newsletter boxes. */
export const JUNK_SELECTORS = [
  '[id^="article_paragraph_"]',
  ".dfp-space",
  'div[class^="ad--"]',
  "[data-temptation-position]",
  '[data-test-id="editorial-tips"]',
  '[data-test-id="share-bar"]',
  '[data-test-id="newsletter"]',
  '[aria-label="Delen"]',
  ".article__component--outstream-advertisement",
  ".article__component--temptation",
  ".article__component--advertisement",
  ".article__component--related",
  ".article__share",
  ".artstyle__advertisement",
  ".artstyle__editorial-tips",
  ".artstyle__share",
  ".artstyle__newsletter",
].join(",");

/** The article body ends here; what follows (teasers, share links) is not the article. */
export const BODY_END = "#article-content-bottom";

/** Next to the playlist intro: the widget itself. */
export const PLAYLIST_WIDGET = 'iframe,video,[src*="/widgets/"],[data-src*="/widgets/"],[src*="/playlists/"],[data-playlist-id]';

/**
 * Selectors below, except `root`, are simple: tag, #id, .class, [attr], [attr=v|^=v|*=v|$=v]
 * combined without spaces or combinators (src/core/selectors.ts matches them in one walk).
 */
export interface FamilyRule {
  family: "current" | "ad-classic" | "artstyle" | "generic";
  /** Candidates for the article root, tried in order. */
  root: string[];
  /** Inside the root, the element holding the body blocks (the root itself if absent). */
  body: string | null;
  title: string;
  intro: string | null;
  /** Elements naming an author (link aria-label "auteur NAME", else their text). */
  authors: string;
  time: string;
  /** Inside the root but not body text: header parts. */
  skip: string;
  /** Header parts skipped above whose figures are still the article's first blocks (lead photo). */
  lead: string | null;
  /** A loose root (a section page has `main` and teaser `article`s too): needs an h1 inside and an article-typed page. */
  loose: boolean;
}

/** Tried in order; the first family whose root exists is used. */
export const FAMILIES: FamilyRule[] = [
  {
    family: "current",
    root: ["article#article-content"],
    body: null,
    title: "h1",
    intro: '[data-test-id="header-intro"]',
    authors: 'a[href*="/auteur/"]',
    time: "time[datetime]",
    skip: 'header,h1,[data-test-id="header-intro"],[aria-label^="Label:"]',
    lead: "header",
    loose: false,
  },
  {
    family: "ad-classic",
    root: ["article.article"],
    body: ".article__body",
    title: ".article__title,h1",
    intro: ".article__intro",
    authors: '.article__author,a[href*="/auteur/"]',
    time: "time[datetime],.article__time[datetime]",
    skip: "header,h1,.article__intro,.article__meta,.article__author",
    lead: "header",
    loose: false,
  },
  {
    family: "artstyle",
    root: [".artstyle", "article:has(.artstyle__paragraph)", "article:has(.artstyle__text)"],
    body: ".artstyle__main",
    title: ".artstyle__header-title,h1",
    intro: ".artstyle__intro",
    authors: '.artstyle__byline__author,a[href*="/auteur/"]',
    time: "time[datetime]",
    skip: "header,h1,.artstyle__intro,.artstyle__header,.artstyle__byline",
    lead: ".artstyle__header,header",
    loose: false,
  },
  {
    family: "generic",
    root: ['[itemprop="articleBody"]', "main article", "article", "main"],
    body: null,
    title: "h1",
    intro: null,
    authors: 'a[href*="/auteur/"],[rel="author"]',
    time: "time[datetime]",
    skip: "header,h1",
    lead: null,
    loose: true,
  },
];

/** Leading words of a byline element that are not part of the name. */
export const BYLINE_PREFIXES = ["Door", "Par", "Bewerkt door", "auteur"];

/** Separators between author names: [between, last] per language. */
export const NAME_JOINERS: Record<string, [string, string]> = { nl: [", ", " en "], fr: [", ", " et "] };

/** Figure captions: credit prefixes stripped, and labels that are never caption text. */
export const CREDIT_PREFIXES = ["©", "Bron:", "Bron", "Foto:", "Beeld:", "Beeld"];
export const CAPTION_LABELS = ["Volledig scherm", "Open deze afbeelding in volledig scherm"];
export const CREDIT_SELECTOR = 'cite,.figcaption__credit,[class*="credit"],[data-test-id="image-credit"]';

/** Social hosts (and subdomains) → platform. */
export const EMBED_HOSTS: Record<string, EmbedKind> = {
  "x.com": "x",
  "twitter.com": "x",
  "instagram.com": "instagram",
  "youtube.com": "youtube",
  "youtu.be": "youtube",
  "youtube-nocookie.com": "youtube",
  "facebook.com": "facebook",
  "fb.watch": "facebook",
  "tiktok.com": "tiktok",
};

/** A URL path like these points at one post, not a profile or hashtag page. */
export const POST_PATH = /\/(?:status|statuses|p|reel|tv|watch|shorts|embed|video|videos|posts|permalink\.php)(?:\/|$|\?)/;

/** Words in attribute values (class, id, data-*) that tell what a placeholder replaced; first hit wins. */
export const EMBED_HINTS: [string, EmbedKind][] = [
  ["liveblog", "liveblog"],
  ["twitter", "x"],
  ["tweet", "x"],
  ["instagram", "instagram"],
  ["youtube", "youtube"],
  ["facebook", "facebook"],
  ["tiktok", "tiktok"],
  ["video", "video"],
];

/** data-* attributes that hold a bare post id, and the URL it stands for. */
export const EMBED_ID_ATTRIBUTES: [string, (id: string) => string][] = [
  ["data-tweet-id", (id) => `https://x.com/i/status/${id}`],
  ["data-instagram-id", (id) => `https://www.instagram.com/p/${id}/`],
  ["data-shortcode", (id) => `https://www.instagram.com/p/${id}/`],
  ["data-youtube-id", (id) => `https://www.youtube.com/watch?v=${id}`],
];

/** Social embed markup that a placeholder sits next to (or that stands alone unloaded). */
export const EMBED_MARKUP = "blockquote.twitter-tweet,blockquote.instagram-media,blockquote.tiktok-embed,blockquote.x-tweet";

/** The note shown in place of a blocked embed: with a link to the original, or without one. */
export const EMBED_NOTES: Record<EmbedKind, { linked: string | null; unlinked: string }> = {
  x: {
    linked: "Bericht van X niet geladen: het platform kan eigen cookies plaatsen.",
    unlinked: "Hier stond een bericht van X dat niet geladen is.",
  },
  instagram: {
    linked: "Bericht van Instagram niet geladen: het platform kan eigen cookies plaatsen.",
    unlinked: "Hier stond een bericht van Instagram dat niet geladen is.",
  },
  facebook: {
    linked: "Bericht van Facebook niet geladen: het platform kan eigen cookies plaatsen.",
    unlinked: "Hier stond een bericht van Facebook dat niet geladen is.",
  },
  youtube: {
    linked: "Video van YouTube niet geladen: het platform kan eigen cookies plaatsen.",
    unlinked: "Hier stond een video van YouTube die niet geladen is.",
  },
  tiktok: {
    linked: "Video van TikTok niet geladen: het platform kan eigen cookies plaatsen.",
    unlinked: "Hier stond een video van TikTok die niet geladen is.",
  },
  liveblog: { linked: null, unlinked: "Hier stond een liveblog dat niet geladen is." },
  video: { linked: null, unlinked: "Hier stond een video die niet geladen is." },
  unknown: { linked: null, unlinked: "Hier stond een social-mediabericht dat niet geladen is." },
};
