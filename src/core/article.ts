/**
 * The plain data model between extraction and rendering. Everything the reading
 * view shows comes from here, and it holds only text and vetted URLs, never
 * page nodes or markup, so the renderer cannot carry page HTML across.
 */

/** Platforms a blocked embed can come from; "unknown" when the page does not say. */
export type EmbedKind =
  | "x"
  | "instagram"
  | "youtube"
  | "facebook"
  | "tiktok"
  | "spotify"
  | "soundcloud"
  | "vimeo"
  | "datawrapper"
  | "omny"
  | "podcast"
  | "liveblog"
  | "video"
  | "unknown";

export interface ParagraphBlock {
  type: "paragraph";
  text: string;
}

export interface HeadingBlock {
  type: "heading";
  text: string;
  /** 2 or 3: the article's own h1 is the title. */
  level: 2 | 3;
}

export interface FigureBlock {
  type: "figure";
  /** Caption and credit joined, for plain-text output. */
  text: string;
  /** http(s) image URL, or null when the page gave none we trust. */
  src: string | null;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** A blocked post or widget. The view words its note from `kind` (and `url`): the page's own text is a consent plea, never article. */
export interface EmbedBlock {
  type: "embed";
  kind: EmbedKind;
  /** https link to the original post when the page reveals one, else null. */
  url: string | null;
}

export interface QuoteBlock {
  type: "quote";
  text: string;
  cite: string | null;
}

export interface ListBlock {
  type: "list";
  /** Items joined by newlines, for plain-text output. */
  text: string;
  items: string[];
  ordered: boolean;
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | FigureBlock
  | EmbedBlock
  | QuoteBlock
  | ListBlock;

export interface Article {
  title: string;
  intro: string | null;
  byline: string | null;
  /** ISO 8601 as the page's <time datetime> or JSON-LD gives it. */
  published: string | null;
  /** Human name of the title, e.g. "AD", "de Volkskrant", "HLN". */
  site: string;
  /** Canonical URL of the article, for the "original article" link. */
  url: string | null;
  /** BCP 47 language of the article ("nl", "fr"). */
  lang: string;
  /** The page says the article continues for subscribers only: the blocks are what a non-subscriber sees. */
  paywall: boolean;
  blocks: Block[];
  /** ISO 8601 of the last update the page declares (a liveblog's newest moment), when later than `published`. */
  modified?: string | null;
}

/** What the content script finds on a page before anything is extracted. */
export interface Detection {
  /** Consent placeholders ("Onze excuses … social media-cookies …"). */
  placeholders: number;
  /** "Tekst gaat verder onder de foto." markers. */
  photoMarkers: number;
}
