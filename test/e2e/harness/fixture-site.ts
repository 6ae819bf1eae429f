/**
 * Serves fixture pages at their real https addresses (through the browser's request
 * interception, so no server and no DNS), answers everything else with a refusal, and
 * records every request either browser makes, for the privacy assertions.
 */
import type { Fixture } from "./fixtures";

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

/** Attribute values through which a page loads things by itself (a reading view may reuse them). */
const SUBRESOURCE_ATTRS = /\s(?:src|srcset|data-src|data-srcset|poster)\s*=\s*(["'])(.*?)\1/gis;

function withTrap(html: string): string {
  const at = html.search(/<\/body\s*>/i);
  return at < 0 ? html + CONSENT_TRAP : html.slice(0, at) + CONSENT_TRAP + html.slice(at);
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = "";
  return u.href;
}

function pageOwnURLs(html: string, base: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(SUBRESOURCE_ATTRS)) {
    for (const candidate of (match[2] ?? "").split(",")) {
      const first = candidate.trim().split(/\s+/)[0];
      if (!first) continue;
      try {
        urls.push(withoutHash(new URL(first.replace(/&amp;/g, "&"), base).href));
      } catch {
        // Not a URL: nothing the browser would load.
      }
    }
  }
  return urls;
}

export class FixtureSite {
  private readonly pages = new Map<string, string>();
  private readonly hosts = new Set<string>();
  private readonly ownURLs = new Set<string>();
  readonly requests: RecordedRequest[] = [];

  /** Makes the fixture answer at its real address; returns that address. */
  serve(fixture: Fixture): string {
    const url = fixture.expected.url;
    this.pages.set(withoutHash(url), withTrap(fixture.html));
    this.hosts.add(new URL(url).host);
    for (const own of pageOwnURLs(fixture.html, url)) this.ownURLs.add(own);
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
   * Requests to anything but the fixture hosts and the page's own images and scripts:
   * those can only come from the extension. Listed with their source for the failure message.
   */
  foreignRequests(): string[] {
    return this.requests
      .filter(({ url }) => /^https?:/i.test(url))
      .filter(({ url }) => !this.hosts.has(new URL(url).host) && !this.ownURLs.has(withoutHash(url)))
      .map(({ url, source }) => `${source}: ${url}`);
  }

  /** Requests made by the extension's own pages and workers to the web, whatever the host. */
  extensionWebRequests(): string[] {
    return this.requests
      .filter(({ url, source }) => source !== "page" && /^https?:/i.test(url))
      .map(({ url, source }) => `${source}: ${url}`);
  }
}
