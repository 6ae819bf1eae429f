/**
 * Everything Leesrust knows about DPG Media pages, as data. A changed layout or a new
 * wording should be a one-line edit here, not a code change. Facts come from
 * ../shared/dpg-markup-notes.md; class names of the current template are hashed and
 * never used.
 */
import type { EmbedKind } from "./article";
import { PLATFORMS } from "./players";

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
  /**
   * Screen-reader note before an inline photo, a family of wordings (HLN: "De tekst gaat verder
   * onder de afbeelding"). All share the anchor word "verder", so one search finds them all.
   */
  photoMarker: [
    "Tekst gaat verder onder de foto.",
    "Tekst gaat verder onder de afbeelding.",
    "Tekst gaat verder onder de video.",
    "Tekst gaat verder onder het beeld.",
  ],
  /** Intro of the news-video playlist widget. */
  playlist: ["Bekijk onze nieuwsvideo's in onderstaande playlist:"],
} as const;

export type PhraseKind = keyof typeof PHRASES;

/**
 * Phrases that are a note of their own, never part of a sentence: a hit counts only when its
 * text node holds nothing else but these leading words ("De tekst gaat verder …") and punctuation.
 * Prose that happens to say "de tekst gaat verder onder de foto van …" is no marker.
 */
export const STANDALONE_PHRASES: Partial<Record<PhraseKind, string[]>> = { photoMarker: ["De"] };

/** Whole blocks (paragraphs, caption parts, inline spans) with exactly this text are junk. */
export const JUNK_TEXTS = [
  ...PHRASES.photoMarker,
  ...PHRASES.photoMarker.map((marker) => `De ${marker.toLowerCase()}`),
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
  "Kopieer link",
  "Link kopiëren",
];

/** Blocks starting with one of these are promotions, not article text. */
export const JUNK_PREFIXES = [
  "Lees ook", "Lees meer", "Bekijk ook", "Bekijk onze nieuwsvideo", "Schrijf je in voor", "Meld je aan voor de nieuwsbrief",
  "Reageer op dit artikel", "À lire aussi", "Lire aussi", "Lisez aussi",
];

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
  // Hints only: the same blocks are also found by what their links point at (promotions.ts).
  '[data-content-type="SHARE"]',
  '[data-content-type="CROSS_PROMOTION"]',
  // Blocks hidden from screen readers are not what the page says: ad slots, the caption list a
  // carousel repeats. Inline ones stay: a drop cap or an icon's letter belongs to its sentence.
  ...["div", "p", "section", "aside", "ul", "ol", "figure", "figcaption", "blockquote"].map((tag) => `${tag}[aria-hidden="true"]`),
].join(",");

/**
 * Links that lead away from the article rather than belong to it: share endpoints (also app
 * schemes and "mailto:?"). Links to other pages of the same site count too (promotions.ts);
 * links to elsewhere on the web are the article's own.
 */
export const AWAY_LINKS = [
  /^https?:\/\/(?:[\w-]+\.)*facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed|send))/i,
  /^https?:\/\/(?:[\w-]+\.)*(?:twitter|x)\.com\/(?:intent|share)\b/i,
  /^https?:\/\/(?:[\w-]+\.)*linkedin\.com\/(?:sharing|shareArticle|cws\/share)/i,
  /^https?:\/\/(?:wa\.me\/|(?:api|web)\.whatsapp\.com\/send)/i,
  /^https?:\/\/(?:[\w-]+\.)*(?:pinterest\.com\/pin\/create|reddit\.com\/submit|t\.me\/share|telegram\.me\/share|bsky\.app\/intent)/i,
  /^(?:whatsapp|fb-messenger|sms):/i,
  /^mailto:\?/i,
  // "Maak ons je Google-favoriet": a request to rank the title in Google, not a part of the story.
  /^https?:\/\/(?:www\.)?google\.[a-z.]+\/preferences\/source\b/i,
];

/** Links that sell a subscription: in a paywall box, and in the promotions for one. */
export const SUBSCRIBE_LINK = 'a[href*="/abonnement"],a[href*="/abonneren"],a[href*="/word-abonnee"],a[href*="aboshop."]';

/**
 * Parts of a page that hold a form, an app-store, newsletter or subscription link, a tips address or a DPG
 * video widget (`old-src` pointing at DPG's own widgets or playlists: not the article) and say
 * little themselves: newsletter sign-ups, app and subscription promotions, player boxes.
 */
export const CONTROL_BOXES: { selector: string; maxText: number; inSentence?: boolean }[] = [
  { selector: 'form,input[type="email"]', maxText: 300 },
  { selector: 'a[href^="https://apps.apple.com/"],a[href^="https://play.google.com/store"],a[href^="https://itunes.apple.com/"]', maxText: 300 },
  // A comment prompt is a line of its own ("Reageer · 23 reacties"): there the paragraph is the box.
  { selector: 'a[href*="#reacties"],a[href*="/reacties"],a[href*="#reageren"],a[href*="#comments"]', maxText: 80, inSentence: true },
  { selector: 'a[href*="/nieuwsbrie"]', maxText: 300 },
  { selector: SUBSCRIBE_LINK, maxText: 300 },
  { selector: '[old-src*="/widgets/"],[old-src*="/playlists/"]', maxText: 120 },
  // A newsletter sign-up frame, known by its title ("Aanmelden voor nieuwsbrief").
  { selector: '[title*="nieuwsbrief"],[title*="Nieuwsbrief"],[title*="newsletter"],[title*="Newsletter"]', maxText: 300 },
  // A tip box: "Wilt u belangrijke informatie delen? Mail naar tips@…" is a line of its own.
  { selector: 'a[href^="mailto:tips@"],a[href^="mailto:tip@"],a[href^="mailto:nieuwstips@"]', maxText: 300, inSentence: true },
];

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
    skip: 'header,[data-content-type="HEADER"],h1,[data-test-id="header-intro"],[aria-label^="Label:"]',
    lead: 'header,[data-content-type="HEADER"]',
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
    authors: 'a[href*="/auteur/"],[rel="author"],[itemprop="author"]',
    time: "time[datetime]",
    skip: "header,h1",
    lead: "header",
    loose: true,
  },
];

/** Leading words of a byline element that are not part of the name. */
export const BYLINE_PREFIXES = ["Door", "Par", "Bewerkt door", "auteur"];

/** Separators between author names: [between, last] per language. */
export const NAME_JOINERS: Record<string, [string, string]> = { nl: [", ", " en "], fr: [", ", " et "] };

/** Figure captions: credit prefixes stripped (compared without case), and labels that are never caption text. */
export const CREDIT_PREFIXES = ["©", "Bron:", "Bron", "Foto’s:", "Foto’s", "Foto's:", "Foto's", "Foto:", "Foto", "Beeld:", "Beeld"];
export const CAPTION_LABELS = ["Volledig scherm", "Open deze afbeelding in volledig scherm"];
export const CREDIT_SELECTOR = 'cite,.figcaption__credit,[class*="credit"],[data-test-id="image-credit"]';

/**
 * Where an img may keep its address, in order of preference: what the browser would show
 * (a srcset's pick, the address it is showing in `currentsourceurl` — the AD grid template — or
 * `src`), then what lazy loaders keep for later. "srcset" entries are read as srcsets, also
 * from the `source` elements of a `picture` around the img.
 */
export const IMAGE_SOURCES: { attr: string; srcset: boolean }[] = [
  { attr: "srcset", srcset: true },
  { attr: "currentsourceurl", srcset: false },
  { attr: "src", srcset: false },
  { attr: "data-srcset", srcset: true },
  { attr: "data-src", srcset: false },
  { attr: "data-original", srcset: false },
  { attr: "data-lazy-src", srcset: false },
  { attr: "data-lazy", srcset: false },
];

/** An image address that stands in for the real one until a lazy loader swaps it. */
export const PLACEHOLDER_IMAGE =
  /^(?:data|blob):|\/(?:[a-z]{1,12}[-_.])?(?:blank|placeholder|spacer|transparent|empty|pixel|1x1)(?:[-_.]?(?:\d+(?:x\d+)?|img|image|gif|png))?\.(?:gif|png|svg|jpe?g|webp)(?:[?#]|$)|\/(?:lazy|loading|loader)\.(?:gif|svg)(?:[?#]|$)/i;

/** A photo's caption line is no longer than this. */
export const CAPTION_MAX_LENGTH = 300;

/** An alt that says nothing: a leaked "null"/"undefined", or a bare file name. */
export const EMPTY_ALT = /^(?:null|undefined|[\w-]+(?:\.[\w-]+)*\.(?:jpe?g|png|gif|webp|avif|svg))$/i;

/**
 * A photo series: one figure per slide, captions and credits from the slide's img attributes. The
 * roles are hints; a series is also known by its slide controls (photo-series.ts).
 */
export const CAROUSEL = '[aria-roledescription="carousel"]';
export const CAROUSEL_SLIDE = '[aria-roledescription="slide"]';
/** Elements that may be a series' controls, known by their label (aria-label, else text). */
export const SLIDE_CONTROLS = 'button,[role="button"],[role="tab"],[role="tablist"]';
export const SLIDE_CONTROL_LABEL =
  /^(?:(?:vorige|volgende|previous|next|précédente?|suivante?) (?:slide|foto|afbeelding|photo|image|diapositive)|slides|(?:ga naar )?(?:slide|foto|afbeelding|photo|image|diapositive) \d+(?: \(actief\))?)$/i;
/** A series' counter ("1/3", "2 van 5"): no caption. */
export const SLIDE_COUNTER = /^\d+ ?(?:\/|van|of|sur) ?\d+$/i;
export const SLIDE_CAPTION_ATTRIBUTE = "caption";
export const SLIDE_CREDIT_ATTRIBUTE = "credits";

/** A URL path like these points at one post, not a profile or hashtag page. */
export const POST_PATH = /\/(?:status|statuses|p|reel|tv|watch|shorts|embed|video|videos|posts|permalink\.php)(?:\/|$|\?)/;

/**
 * Words in attribute values (class, id, title, data-*) that tell what a placeholder replaced; first
 * hit wins. A platform's own words also count in the text beside it (embeds.ts).
 */
export const EMBED_HINTS: [string, EmbedKind][] = [
  ["liveblog", "liveblog"],
  ...PLATFORMS.flatMap((p) => p.words.map((word): [string, EmbedKind] => [word, p.kind])),
  ["video", "video"],
];

/** data-* attributes that hold a bare post id, and the URL it stands for. */
export const EMBED_ID_ATTRIBUTES: [string, (id: string) => string][] = [
  ["data-tweet-id", (id) => `https://x.com/i/status/${id}`],
  ["data-instagram-id", (id) => `https://www.instagram.com/p/${id}/`],
  ["data-shortcode", (id) => `https://www.instagram.com/p/${id}/`],
  ["data-youtube-id", (id) => `https://www.youtube.com/watch?v=${id}`],
];

/** Attributes that may hold the blocked post's address (`old-src`: the AD grid template's stand-in for a removed iframe). */
export const EMBED_URL_ATTRIBUTES = ["href", "cite", "src", "old-src"];

/** Social embed markup that a placeholder sits next to (or that stands alone unloaded). */
export const EMBED_MARKUP = "blockquote.twitter-tweet,blockquote.instagram-media,blockquote.tiktok-embed,blockquote.x-tweet";

/** The article continues for subscribers only: the box that says so (a premium mark alone does not: subscribers see it too). */
export const PAYWALL_BOX = '[data-temptation-position="ARTICLE_PAYWALL"],[data-temptation-position="PAYWALL"],[data-test-id="paywall"]';
/**
 * Its heading where no hook is left: "Lees verder met PZC+", "Lees verder met AD Premium", "Lees dit artikel verder met
 * een abonnement", "Dit is een artikel voor abonnees".
 */
export const PAYWALL_TEXT =
  /^(?:lees (?:(?:dit|het hele) artikel )?(?:verder )?met (?:een abonnement\b.{0,40}|\S.{0,30}(?:\+| ?premium| plus))|dit is een artikel voor abonnees\.?)$/i;
/**
 * Parts of the page named for the paywall by their id (ids survive where classes and data-* do not):
 * the box (`#article-paywall`, `#paywall-box`), or the paid text itself. They count only where
 * the reader is not given them: hidden, or a box offering a subscription or a login.
 */
export const PAYWALL_PART = '[id*="paywall"],[id*="Paywall"]';
/** Links to the publisher's login ("Al abonnee? Log in"): beside a subscription offer, only a paywall box has one. */
export const LOGIN_LINK = 'a[href*="//login."],a[href*="/login"],a[href*="/inloggen"]';
