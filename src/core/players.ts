/**
 * The platforms a blocked post or player can come from, as data: their hosts, the words a page
 * names them by, and how a player's address (what an iframe loads) becomes the public page a
 * reader can open. A new platform is a new row here.
 */
import type { EmbedKind } from "./article";

type PageRule = [RegExp, (m: RegExpMatchArray, url: URL) => string | null];

export interface Platform {
  kind: EmbedKind;
  /** Brand name as the view shows it; null for kinds that are no one platform (a podcast host). */
  name: string | null;
  /** Hosts of its pages and players (subdomains included). */
  hosts: string[];
  /** Words that name it in attribute values (class, id, title, data-*) and, with word bounds, in the text beside a placeholder. */
  words: string[];
  /** Query parameters that are part of the address of one post (YouTube's video, Apple's episode). */
  keep?: string[];
  /** Every address on it is one item (an episode, a chart), never a profile page. */
  itemsOnly?: boolean;
  /** Player addresses → the public page; tried in order on the whole URL. */
  pages?: PageRule[];
}

function idPage(id: string | null, page: (id: string) => string): string | null {
  return id && /^\d{1,25}$/.test(id) ? page(id) : null;
}

export const PLATFORMS: Platform[] = [
  {
    kind: "x",
    name: "X",
    hosts: ["x.com", "twitter.com"],
    words: ["twitter", "tweet"],
    pages: [[/^https?:\/\/platform\.twitter\.com\/embed\/Tweet\.html\?/i, (_m, url) => idPage(url.searchParams.get("id"), (id) => `https://x.com/i/status/${id}`)]],
  },
  {
    kind: "instagram",
    name: "Instagram",
    hosts: ["instagram.com"],
    words: ["instagram"],
    pages: [[/^https?:\/\/(?:www\.)?instagram\.com\/(p|reel|tv)\/([\w-]+)\/embed/i, (m) => `https://www.instagram.com/${m[1]}/${m[2]}/`]],
  },
  {
    kind: "youtube",
    name: "YouTube",
    hosts: ["youtube.com", "youtu.be", "youtube-nocookie.com"],
    words: ["youtube"],
    keep: ["v"],
    pages: [[/^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/i, (m) => `https://www.youtube.com/watch?v=${m[1]}`]],
  },
  {
    kind: "facebook",
    name: "Facebook",
    hosts: ["facebook.com", "fb.watch"],
    words: ["facebook"],
    pages: [[/^https?:\/\/(?:www\.)?facebook\.com\/plugins\/(?:post|video)\.php\?/i, (_m, url) => url.searchParams.get("href")]],
  },
  {
    kind: "tiktok",
    name: "TikTok",
    hosts: ["tiktok.com"],
    words: ["tiktok"],
    // A video's page without its author's name: TikTok sends it on to the full address.
    pages: [[/^https?:\/\/(?:www\.)?tiktok\.com\/embed(?:\/v\d)?\/(\d{6,25})/i, (m) => `https://www.tiktok.com/@/video/${m[1]}`]],
  },
  {
    kind: "spotify",
    name: "Spotify",
    hosts: ["spotify.com"],
    words: ["spotify"],
    itemsOnly: true,
    pages: [
      [/^https?:\/\/open\.spotify\.com\/embed(?:-podcast)?\/(episode|show|track|album|playlist|artist)\/(\w+)/i, (m) => `https://open.spotify.com/${m[1]!.toLowerCase()}/${m[2]}`],
    ],
  },
  {
    kind: "soundcloud",
    name: "SoundCloud",
    hosts: ["soundcloud.com"],
    words: ["soundcloud"],
    itemsOnly: true,
    // The player names the track in its `url` parameter: a track page, or an api address that is no page to open.
    pages: [[/^https?:\/\/w\.soundcloud\.com\/player\/?\?/i, (_m, url) => {
      const track = url.searchParams.get("url");
      return track && !/^https?:\/\/api\./i.test(track) ? track : null;
    }]],
  },
  {
    kind: "vimeo",
    name: "Vimeo",
    hosts: ["vimeo.com"],
    words: ["vimeo"],
    itemsOnly: true,
    pages: [[/^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i, (m) => `https://vimeo.com/${m[1]}`]],
  },
  {
    kind: "datawrapper",
    name: "Datawrapper",
    hosts: ["dwcdn.net", "datawrapper.de"],
    words: ["datawrapper"],
    itemsOnly: true,
    // The chart itself, its latest version: the version number in the player's path is dropped.
    pages: [[/^https?:\/\/datawrapper\.dwcdn\.net\/(\w{4,})(?:\/\d+)?\/?(?:[?#]|$)/i, (m) => `https://datawrapper.dwcdn.net/${m[1]}/`]],
  },
  {
    kind: "omny",
    name: "Omny",
    hosts: ["omny.fm"],
    words: ["omny"],
    itemsOnly: true,
    pages: [
      [/^(https?:\/\/omny\.fm\/shows\/[^/?#]+)\/playlists\/[^/?#]+\/embed/i, (m) => m[1]!],
      [/^(https?:\/\/omny\.fm\/shows\/[^/?#]+\/[^/?#]+)\/embed/i, (m) => m[1]!],
    ],
  },
  {
    // Podcast apps: their link names a show more often than an episode, so a player's address beats it.
    kind: "podcast",
    name: null,
    hosts: ["podimo.com", "podcasts.apple.com"],
    words: ["podimo", "apple podcasts", "podcast"],
    keep: ["i"],
    pages: [[/^https?:\/\/embed\.podcasts\.apple\.com\/(.+)$/i, (m) => `https://podcasts.apple.com/${m[1]}`]],
  },
];

/** The platform an address is on, by its host; null when it is no known platform. */
export function platformOf(url: URL): Platform | null {
  const host = url.hostname.toLowerCase();
  return PLATFORMS.find((p) => p.hosts.some((domain) => host === domain || host.endsWith("." + domain))) ?? null;
}

/** The brand name of a kind, for the view's link tooltip; null for kinds that are no one platform. */
export function platformName(kind: EmbedKind): string | null {
  return PLATFORMS.find((p) => p.kind === kind)?.name ?? null;
}
