/**
 * What DPG pages put around an article that is no part of it — the header's byline furniture,
 * the boxes at the end of the body, a pull quote's screen-reader line — as data. Facts from
 * ../shared/dpg-markup-notes.md ("Real pages of July 2026"). Hooks here are hints: each thing
 * is also known by its text, its structure or where its links lead (furniture.ts).
 */

/** Addresses of author portraits: the byline's avatar, never a figure. */
export const AVATAR_ADDRESSES = [/\/inkBylines\//i, /^https?:\/\/profileimage\./i, /\/auteurs?\//i];
/** A square crop in the address (`face-crop/80/80`, `feature-crop/36/36`) up to this size is a portrait thumbnail. */
export const AVATAR_CROP = /\/(?:face|feature)-crop\/(\d{1,4})\/(\d{1,4})\//i;
export const AVATAR_MAX_SIZE = 200;

/** An author's name: a link to the author's page, or a link labelled "auteur NAME". */
export const AUTHOR_LINK = 'a[href*="/auteur/"],a[aria-label^="auteur "]';

/** Header parts by their role or label: the save/share toolbar, the section label, a loading player box. */
export const FURNITURE_SELECTOR = '[role="toolbar"],[aria-label*="Label:"],[aria-busy="true"]';

/** Whole lines (normalised text) that are furniture wherever they stand. */
export const FURNITURE_LINES: RegExp[] = [
  /^(?:Dit artikel is )?geschreven door\b/i,
  /^(?:Gepubliceerd|Bijgewerkt|Aangepast|Laatste update)(?: op)?:? \d/i,
  /^(?:Publié|Mis à jour) le \d/i,
  /^Leestijd:? \d+ min(?:uten|uut)?\.?$/i,
  /^\d+ min(?:uten|uut)? leestijd$/i,
  // A date alone ("17 juli 2026, 21:00"): the dateline, never a paragraph.
  /^\d{1,2} (?:jan|feb|mrt|maart|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-zé]*\.? \d{4}(?:,? (?:om )?\d{1,2}[:.u]\d{2})?$/i,
  // The title's own social profiles: "Volg AD Utrechts Nieuwsblad op sociale media".
  /^Volg \S.{0,80} op (?:de )?(?:sociale|social) ?media\b/i,
  // A pull quote's screen-reader line: the quote and its speaker follow.
  /^Quote van \S.{0,120}$/i,
];

/**
 * Pitches: lines of a box that asks the reader for something (a tip, the app, push messages,
 * a subscription), found by their words where the box's hooks are gone (archived copies). A
 * short heading right before one is the box's title. Worded as the promotion words it, never
 * as a sentence may open: "Download de app van de gemeente, zegt de wethouder" is the story's.
 */
export const PITCH_LINES: RegExp[] = [
  // Tip boxes: "Wilt u belangrijke informatie delen? Mail naar tips@…".
  /^(?:Wilt|Wil) (?:u|je) (?:\S+ ){0,3}(?:informatie|nieuws|een tip|tips)\b[^.!?]{0,30}\b(?:delen|melden|tippen|doorgeven)\?/i,
  /^(?:Heeft|Heb) (?:u|je) een (?:nieuws)?tip\b[^.!?]{0,40}\?/i,
  /^Altijd als eerste (?:op de hoogte|weten)\b[^.!?]{0,80}\?/i,
  /^Zet (?:de )?(?:pushmeldingen|pushberichten|meldingen) aan\b/i,
  // The title's own app ("Download de AD-app", "Download onze app"), not an app the story is about.
  /^Download (?:nu )?(?:onze (?:gratis )?app|de (?:gratis )?\S{1,20}-app)\b/i,
  // "Word abonnee en lees …", "Word nu abonnee voor € 1", "Word abonnee van Trouw: 4 weken voor € 4",
  // not "Word abonnee van de club en help mee, riep de voorzitter".
  /^Word (?:nu )?abonnee(?:$|[.!:]| en (?:lees|krijg|mis)\b| voor | vanaf |\b[^.!?]{0,40}€)/i,
  /^Dit is een (?:premium|\S+\+) ?artikel\.?$/i,
];

/** Hosts of the social profiles a title links to from its follow block ("WhatsApp • Instagram • Bluesky …"). */
export const PROFILE_HOSTS = [
  "x.com", "twitter.com", "instagram.com", "facebook.com", "youtube.com", "tiktok.com",
  "whatsapp.com", "bsky.app", "threads.net", "threads.com", "linkedin.com", "t.me", "mastodon.social",
];

/** At most this much text in an author's byline block: name, description line, date, a link or two. */
export const BYLINE_MAX_TEXT = 300;
