/**
 * The checks both browsers' tests make, written once against BrowserSession and Tab.
 */
import { expect } from "vitest";
import type { Request, TabStatus } from "../../../src/shared/messages";
import type { Fixture } from "../../../scripts/lib/fixtures";
import { compareWithExpected, readRenderedView, VIEW_HOST, type RenderedView } from "./reading-view";
import { waitFor, type BrowserSession, type Popup, type Tab } from "./session";

const GET_STATUS: Request = { type: "leesrust:get-status" };

/** The badge the background sets: the number of blocked posts, a dot for photo markers only, nothing when nothing is blocked. */
export function expectedBadge(detected: Fixture["expected"]["detected"]): string {
  if (detected.placeholders > 0) return String(detected.placeholders);
  return detected.photoMarkers > 0 ? "•" : "";
}

/** Waits for the content script to offer a reading view and checks counts and badge. */
export async function expectOffered(session: BrowserSession, tab: Tab, fixture: Fixture): Promise<TabStatus> {
  const status = await waitFor(`${fixture.name} to offer a reading view`, async () => {
    const s = await session.request(tab, GET_STATUS);
    return s && (s.state === "available" || s.state === "open") ? s : null;
  });
  expect({ placeholders: status.placeholders, photoMarkers: status.photoMarkers }, `counts on ${fixture.name}`).toEqual(
    fixture.expected.detected,
  );
  const want = expectedBadge(fixture.expected.detected);
  let badge = "";
  await waitFor(`badge "${want}" on ${fixture.name}`, async () => (badge = await session.badge(tab)) === want).catch(() => undefined);
  expect(badge, `badge on ${fixture.name}`).toBe(want);
  return status;
}

/** A page that must not trigger: no offer, no badge, no view, even after the page has settled. */
export async function expectNotOffered(session: BrowserSession, tab: Tab, fixture: Fixture): Promise<void> {
  // Give the content script (document_idle, then its settle watch) time to do something wrong.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const status = await session.request(tab, GET_STATUS);
  expect(status?.state ?? "no content script", `state on ${fixture.name}`).not.toMatch(/^(available|open)$/);
  expect(await session.badge(tab), `badge on ${fixture.name}`).toBe("");
  expect(await tab.evaluate((id) => document.getElementById(id) !== null, VIEW_HOST), `view on ${fixture.name}`).toBe(false);
}

/** The page's markup once its own scripts have stopped changing it (a late body, say). */
async function settledMarkup(tab: Tab): Promise<string> {
  const markup = () => document.documentElement.outerHTML;
  let last = await tab.evaluate(markup, undefined);
  return waitFor("the page to stop changing", async () => {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await tab.evaluate(markup, undefined);
    const settled = now === last;
    last = now;
    return settled ? now : null;
  });
}

/** A host no content script matches: the same page there shows what the page does without the extension. */
const CONTROL_ORIGIN = "https://control.e2e.invalid";

/**
 * The extension changes nothing on the page by itself: the page's markup equals that of the
 * same page loaded where the content script does not run.
 */
export async function expectUntouched(session: BrowserSession, tab: Tab, fixture: Fixture): Promise<void> {
  const control = await session.open(fixture, `${CONTROL_ORIGIN}/${fixture.name}`);
  const [withExtension, without] = await Promise.all([settledMarkup(tab), settledMarkup(control)]);
  await control.close();
  await tab.bringToFront();
  expect(withExtension === without, `${fixture.name}: the page's markup differs from the same page without the extension`).toBe(true);
}

export function readView(tab: Tab): Promise<RenderedView | null> {
  return tab.inView(readRenderedView, undefined);
}

export async function openView(session: BrowserSession, tab: Tab): Promise<RenderedView> {
  const status = await session.request(tab, { type: "leesrust:set-view", open: true });
  expect(status?.state).toBe("open");
  return waitFor("the reading view to render", () => readView(tab));
}

export function expectViewShows(view: RenderedView, fixture: Fixture): void {
  const article = fixture.expected.article;
  if (!article) throw new Error(`${fixture.name} expects no article`);
  expect(compareWithExpected(view, article, fixture.expected.lang), `reading view of ${fixture.name}`).toEqual([]);
  expect(view.unsafe, `unsafe content in the view of ${fixture.name}`).toEqual([]);
}

interface PageSnapshot {
  html: string;
  x: number;
  y: number;
}

const snapshot = (tab: Tab) =>
  tab.evaluate(() => ({ html: document.documentElement.outerHTML, x: window.scrollX, y: window.scrollY }) as PageSnapshot, undefined);

/** Opens the view over a scrolled page, closes it with `close`, and expects the page exactly as it was. */
export async function expectCloseRestores(session: BrowserSession, tab: Tab, close: () => Promise<void>): Promise<void> {
  await tab.evaluate(() => window.scrollTo(0, 600), undefined);
  const before = await snapshot(tab);
  expect(before.y, "the page must scroll for this check to mean something").toBeGreaterThan(0);
  await openView(session, tab);
  await close();
  await waitFor("the reading view to close", () => tab.evaluate((id) => document.getElementById(id) === null, VIEW_HOST));
  const after = await snapshot(tab);
  expect(after.y).toBe(before.y);
  expect(after.x).toBe(before.x);
  expect(after.html === before.html, "page markup after closing the view differs from before").toBe(true);
  expect((await session.request(tab, GET_STATUS))?.state).toBe("available");
}

export async function expectConsentUntouched(tab: Tab): Promise<void> {
  const clicks = await tab.evaluate(() => (window as unknown as { __e2eConsentClicks?: number }).__e2eConsentClicks, undefined);
  // undefined would mean the trap is missing, and the check could not fail.
  expect(clicks, "clicks on the consent dialog's accept button").toBe(0);
}

/** Everything the browser sent and stored over the whole session, checked at the end. */
export async function expectPrivate(session: BrowserSession): Promise<void> {
  expect(session.site.requests.length, "no requests were recorded at all: the recorder is broken").toBeGreaterThan(0);
  expect(session.site.extensionWebRequests(), "web requests made by the extension's own pages or worker").toEqual([]);
  expect(session.site.socialOrAdRequests(), "requests to social or ad hosts").toEqual([]);
  expect(session.site.foreignRequests(), "requests to hosts other than the fixture's (and the page's own resources)").toEqual([]);
  expect(await session.cookies(), "cookies in the browser").toEqual([]);
}

export async function expectNoExtensionProblems(session: BrowserSession): Promise<void> {
  expect(await session.extensionProblems(), "errors or warnings from the extension in the console").toEqual([]);
}

export interface PopupState {
  state: string;
  summary: string;
  viewControlShown: boolean;
  viewChecked: boolean;
  autoOpen: boolean;
  message: string;
}

export function popupState(popup: Popup): Promise<PopupState> {
  return popup.evaluate(() => {
    const input = (id: string) => document.getElementById(id) as HTMLInputElement;
    return {
      state: document.querySelector("main")?.dataset.state ?? "",
      summary: document.getElementById("summary")?.textContent ?? "",
      viewControlShown: !document.getElementById("view-control")?.hidden,
      viewChecked: input("view-toggle").checked,
      autoOpen: input("auto-open").checked,
      message: document.getElementById("message")?.textContent ?? "",
    };
  }, undefined);
}

export function waitForPopup(popup: Popup, what: string, ok: (s: PopupState) => boolean): Promise<PopupState> {
  return waitFor(`popup: ${what}`, async () => {
    const s = await popupState(popup);
    return ok(s) ? s : null;
  });
}

/** Clicks a control of the popup as the reader would: its change handler runs. */
export function clickInPopup(popup: Popup, id: string): Promise<void> {
  return popup.evaluate((target) => (document.getElementById(target) as HTMLInputElement).click(), id);
}
