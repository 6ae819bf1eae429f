/**
 * What the attack page (`pages/attack.html`) tries, and what the suite checks of it: the page
 * watches for Leesrust and tries to read and steer the reading view; these functions read what
 * it found and act as a page would that had got hold of the view's root anyway.
 */
import { expect } from "vitest";
import { isDpgImageUrl } from "../../../src/core/image-hosts";
import type { BrowserSession } from "./session";

/** What the page could see of the view while it was open (attack.html's `__attack.look()`). */
export interface PageLook {
  openRoots: string[];
  viewTextSeen: boolean;
  attachShadowCalls: number;
  keyListeners: number;
  steered: number;
}

/** What the page's timeline and cookie jar hold (attack.html's `__attack.traces()`). */
export interface PageTraces {
  observed: string[];
  timeline: string[];
  cookie: string;
}

type AttackWindow = { __attack: { look(): PageLook; traces(): PageTraces } };

export const lookFromPage = (): PageLook => (window as unknown as AttackWindow).__attack.look();
export const tracesInPage = (): PageTraces => (window as unknown as AttackWindow).__attack.traces();

/** The view's settings as applied to its root (`Tab.inView`): a changed setting shows here first. */
export function appliedSettings(root: ShadowRoot | null): string | null {
  const el = root?.querySelector<HTMLElement>(".lr-root");
  return el ? [el.dataset.theme, el.dataset.font, el.getAttribute("style")].join(" | ") : null;
}

/**
 * Runs on the view's root (`Tab.inView`) as page script would, had it the root: a script's
 * click() on every button and input, and Escape dispatched at the root. Links are left out (a
 * click on one navigates whatever the view does). Returns how many controls it clicked.
 */
export function scriptClicksEverywhere(root: ShadowRoot | null): number {
  if (!root) return 0;
  const controls = Array.from(root.querySelectorAll<HTMLElement>("button, input"));
  for (const control of controls) control.click();
  root.querySelector(".lr-root")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true, cancelable: true }));
  return controls.length;
}

/** Runs on the view's root: brings every figure into view, so lazy images below the fold load. */
export function scrollThroughFigures(root: ShadowRoot | null): number {
  const figures = Array.from(root?.querySelectorAll("figure") ?? []);
  for (const figure of figures) figure.scrollIntoView({ block: "center" });
  root?.querySelector(".lr-root")?.scrollTo({ top: 1e6 });
  return figures.length;
}

/** The page's own nodes that carry the view's ids, as markup. */
export function lookalikes(): string[] {
  return Array.from(document.querySelectorAll("#leesrust-reading-view:not([data-leesrust]), #leesrust-print-style:not([data-leesrust])"), (el) => el.outerHTML);
}

/** Every web request since `from` must go to a DPG image host or title over https (the page's own address is one). */
export function expectOnlyAllowedRequests(session: BrowserSession, from: number): string[] {
  const requests = session.site.requests.slice(from).filter(({ url }) => /^https?:/i.test(url));
  expect(requests.length, "the recorder saw the page load").toBeGreaterThan(0);
  expect(requests.filter(({ url }) => !isDpgImageUrl(url)).map(({ url, source }) => `${source}: ${url}`), "requests off the image allowlist").toEqual([]);
  return requests.map(({ url }) => url);
}
