/**
 * Serves fixture pages at their real https addresses (through the browser's request
 * interception, so no server and no DNS), answers everything else with a refusal, and
 * records every request either browser makes, for the privacy assertions.
 */
import type { Fixture } from "../../../scripts/lib/fixtures";

export interface Served {
  status: number;
  contentType: string;
  body: string;
}

export interface RecordedRequest {
  url: string;
  /** Who asked: the tab, an extension page or worker, or "proxy" for what only the catch-all proxy saw. */
  source: string;
}

/**
 * A stand-in for the DPG consent dialog, added to every served page: an open shadow root with
 * the real ids, and a counter of clicks on its accept button. The extension must never touch it.
 */
const CONSENT_TRAP = `<script>(() => {
  window.__e2eConsentClicks = 0;
  addEventListener("click", (e) => {
    if (e.composedPath().some((n) => n && n.id === "pg-accept-btn")) window.__e2eConsentClicks += 1;
  }, true);
  const build = () => {
    if (document.getElementById("pg-shadow-host-dom") || !document.body) return;
    const host = document.createElement("div");
    host.id = "pg-shadow-host-dom";
    host.attachShadow({ mode: "open" }).innerHTML =
      '<div id="pg-modal" role="dialog" aria-label="Privacy-instellingen"><p>DPG Media en partners gebruiken cookies.</p>' +
      '<button id="pg-accept-btn" type="button">Akkoord</button><button id="pg-reject-btn" type="button">Weigeren</button></div>';
    document.body.append(host);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build); else build();
})();</script>`;

/**
 * Social and ad hosts: no request may reach them, whoever asks. The fixtures only link to
 * them (a link loads nothing), so a request there means a view or script loaded an embed.
 */
const NEVER_CONTACTED = [
  "x.com", "twitter.com", "twimg.com", "instagram.com", "cdninstagram.com", "facebook.com", "facebook.net",
  "fbcdn.net", "youtube.com", "youtube-nocookie.com", "ytimg.com", "tiktok.com", "tiktokcdn.com",
  "doubleclick.net", "googlesyndication.com", "googletagmanager.com", "google-analytics.com",
];

function withTrap(html: string): string {
  const at = html.search(/<\/body\s*>/i);
  return at < 0 ? html + CONSENT_TRAP : html.slice(0, at) + CONSENT_TRAP + html.slice(at);
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = "";
  return u.href;
}

/** Every absolute http(s) URL written anywhere in the page: in attributes, srcset lists or its own scripts. */
function urlsIn(html: string): string[] {
  const urls: string[] = [];
  for (const [found] of html.replace(/&amp;/g, "&").matchAll(/https?:\/\/[^\s"'<>`,)]+/gi)) {
    try {
      urls.push(withoutHash(found));
    } catch {
      // Not a URL after all: nothing a browser would load.
    }
  }
  return urls;
}

export class FixtureSite {
  private readonly pages = new Map<string, string>();
  private readonly hosts = new Set<string>();
  private readonly ownURLs = new Set<string>();
  readonly requests: RecordedRequest[] = [];

  /** Makes the fixture answer at its real address (or at `url`); returns that address. */
  serve(fixture: Fixture, url = fixture.expected.url): string {
    this.pages.set(withoutHash(url), withTrap(fixture.html));
    this.hosts.add(new URL(url).host);
    for (const own of urlsIn(fixture.html)) this.ownURLs.add(own);
    return url;
  }

  record(url: string, source: string): void {
    this.requests.push({ url, source });
  }

  /** The answer for a request; null means refuse it (the test machine is offline anyway). */
  respond(url: string): Served | null {
    if (!/^https?:/i.test(url)) return null;
    const page = this.pages.get(withoutHash(url));
    if (page !== undefined) return { status: 200, contentType: "text/html; charset=utf-8", body: page };
    if (this.hosts.has(new URL(url).host)) return { status: 404, contentType: "text/plain", body: "not in the fixture" };
    return null;
  }

  /**
   * Requests to anything but the fixture hosts and the addresses the page itself names (its
   * images, its scripts' loads): the page cannot cause those, so the extension did. Listed
   * with their source for the failure message. That the reading view loads nothing but
   * figure images is checked on the view itself (no iframes, scripts or unsafe URLs).
   */
  foreignRequests(): string[] {
    return this.requests
      .filter(({ url }) => /^https?:/i.test(url))
      .filter(({ url }) => !this.hosts.has(new URL(url).host) && !this.ownURLs.has(withoutHash(url)))
      .map(({ url, source }) => `${source}: ${url}`);
  }

  /** Requests to social and ad hosts, from anyone. */
  socialOrAdRequests(): string[] {
    return this.requests
      .filter(({ url }) => /^https?:/i.test(url))
      .filter(({ url }) => {
        const host = new URL(url).hostname;
        return NEVER_CONTACTED.some((banned) => host === banned || host.endsWith(`.${banned}`));
      })
      .map(({ url, source }) => `${source}: ${url}`);
  }

  /** Requests made by the extension's own pages and workers to the web, whatever the host. */
  extensionWebRequests(): string[] {
    return this.requests
      .filter(({ url, source }) => source !== "page" && /^https?:/i.test(url))
      .map(({ url, source }) => `${source}: ${url}`);
  }
}
