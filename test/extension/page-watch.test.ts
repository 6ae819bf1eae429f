import { afterEach, describe, expect, it, vi } from "vitest";
import { followPage, watchUntilSettled, watchUrl } from "../../src/inject/page-watch";

const FAST = { tickMs: 20, backoff: 1, quietMs: 120, maxMs: 600 };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stops: (() => void)[] = [];

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  document.body.replaceChildren();
});

describe("watchUntilSettled", () => {
  it("re-checks late content at most once per tick, however many mutations arrive", async () => {
    const recheck = vi.fn(() => false);
    stops.push(watchUntilSettled(document, recheck, FAST));
    for (let i = 0; i < 200; i++) document.body.append(document.createElement("p"));
    await wait(FAST.tickMs * 3);
    expect(recheck).toHaveBeenCalledTimes(1);
  });

  it("does not re-check a page that does not change", async () => {
    const recheck = vi.fn(() => false);
    stops.push(watchUntilSettled(document, recheck, FAST));
    await wait(FAST.tickMs * 4);
    expect(recheck).not.toHaveBeenCalled();
  });

  it("stops once the check finds what it looks for", async () => {
    const recheck = vi.fn(() => true);
    stops.push(watchUntilSettled(document, recheck, FAST));
    document.body.append("late body");
    await wait(FAST.tickMs * 3);
    document.body.append("more");
    await wait(FAST.tickMs * 3);
    expect(recheck).toHaveBeenCalledTimes(1);
  });

  it("stops after the page went quiet", async () => {
    const recheck = vi.fn(() => false);
    stops.push(watchUntilSettled(document, recheck, FAST));
    await wait(FAST.quietMs + FAST.tickMs * 2);
    document.body.append("after settling");
    await wait(FAST.tickMs * 3);
    expect(recheck).not.toHaveBeenCalled();
  });

  it("stops after the time limit on a page that mutates forever", async () => {
    const recheck = vi.fn(() => false);
    stops.push(watchUntilSettled(document, recheck, FAST));
    const churn = setInterval(() => document.body.append("x"), 5);
    await wait(FAST.maxMs + FAST.tickMs * 3);
    const calls = recheck.mock.calls.length;
    await wait(FAST.tickMs * 5);
    clearInterval(churn);
    expect(recheck.mock.calls.length).toBe(calls);
    expect(calls).toBeLessThanOrEqual(FAST.maxMs / FAST.tickMs + 1);
  });

  it("spaces its re-checks out on a page that keeps changing", async () => {
    const recheck = vi.fn(() => false);
    stops.push(watchUntilSettled(document, recheck, { ...FAST, backoff: 2, quietMs: 1000 }));
    const churn = setInterval(() => document.body.append("x"), 5);
    await wait(FAST.maxMs + 100);
    clearInterval(churn);
    // Ticks of 20, 40, 80, 160, 320 ms fit in 600 ms: five checks, not thirty.
    expect(recheck.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(recheck.mock.calls.length).toBeLessThanOrEqual(5);
  });
});

describe("watchUrl", () => {
  it("reports history navigations that retitle the page, and popstate", async () => {
    const seen: string[] = [];
    stops.push(watchUrl(document, (href) => seen.push(new URL(href).pathname)));
    history.pushState({}, "", "/nieuws/artikel-2");
    document.title = "Artikel 2";
    await wait(0);
    history.pushState({}, "", "/nieuws/artikel-3");
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect(seen).toEqual(["/nieuws/artikel-2", "/nieuws/artikel-3"]);
  });

  it("reports a history navigation that leaves the head alone once the page renders the next article, without the Navigation API", async () => {
    expect("navigation" in window, "jsdom, like Firefox ESR 140, has no Navigation API").toBe(false);
    const seen: string[] = [];
    stops.push(watchUrl(document, (href) => seen.push(new URL(href).pathname)));
    history.pushState({}, "", "/nieuws/artikel-4");
    document.body.replaceChildren(document.createElement("article"));
    await wait(0);
    expect(seen).toEqual(["/nieuws/artikel-4"]);
  });

  it("stays silent when the URL did not change", async () => {
    const onChange = vi.fn(async () => true);
    stops.push(watchUrl(document, onChange));
    document.title = "Zelfde pagina";
    window.dispatchEvent(new PopStateEvent("popstate"));
    await wait(0);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("followPage", () => {
  const OPTIONS = { gapMs: 100, maxGapMs: 400, idleTimeoutMs: 50 };
  const own = (node: Node) => (node as Element).hasAttribute?.("data-leesrust") === true;

  it("reads the page again after its mutations, at most once per gap, in idle time where the browser has it", async () => {
    const idle = vi.fn((run: () => void) => setTimeout(run, 0) as unknown as number);
    Object.assign(window, { requestIdleCallback: idle, cancelIdleCallback: clearTimeout });
    try {
      const onChange = vi.fn(async () => true);
      stops.push(followPage(document, onChange, own, OPTIONS));
      for (let i = 0; i < 50; i++) document.body.append(document.createElement("p"));
      await wait(30);
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: OPTIONS.idleTimeoutMs });
      document.body.append("more");
      await wait(40);
      expect(onChange, "within the gap after the last read").toHaveBeenCalledTimes(1);
      await wait(120);
      expect(onChange).toHaveBeenCalledTimes(2);
    } finally {
      Reflect.deleteProperty(window, "requestIdleCallback");
      Reflect.deleteProperty(window, "cancelIdleCallback");
    }
  });

  it("is not woken by the view's own nodes, and reads once at the start when what the view shows is old", async () => {
    const onChange = vi.fn(async () => true);
    stops.push(followPage(document, onChange, own, OPTIONS));
    const host = document.createElement("div");
    host.setAttribute("data-leesrust", "view");
    document.body.append(host);
    host.remove();
    await wait(150);
    expect(onChange).not.toHaveBeenCalled();

    const stale = vi.fn(async () => true);
    stops.push(followPage(document, stale, own, { ...OPTIONS, stale: true }));
    await wait(30);
    expect(stale).toHaveBeenCalledTimes(1);
  });

  it("reads less often while the page's changes bring nothing new, and at once again after one that does", async () => {
    let news = false;
    const onChange = vi.fn(async () => news);
    stops.push(followPage(document, onChange, own, OPTIONS));
    const changing = setInterval(() => document.body.append("tick"), 10);
    try {
      await wait(1000);
      // Gaps of 100, 200, 400, 400 … ms: about five reads in a second, not ten.
      expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(onChange.mock.calls.length).toBeLessThanOrEqual(6);
      news = true;
      const before = onChange.mock.calls.length;
      await wait(700);
      // One more read at the long gap, then back to one per 100 ms.
      expect(onChange.mock.calls.length - before).toBeGreaterThanOrEqual(4);
    } finally {
      clearInterval(changing);
    }
  });

  it("hands each read the page's records since the last one, without the view's own, and none it cannot vouch for", async () => {
    const onChange = vi.fn(async (_records: MutationRecord[] | null) => true);
    stops.push(followPage(document, onChange, own, OPTIONS));
    const host = document.createElement("div");
    host.setAttribute("data-leesrust", "view");
    const moment = document.createElement("article");
    document.body.append(host, moment);
    await wait(30);
    expect(onChange).toHaveBeenCalledTimes(1);
    // One record holds both: it is the page's as well as the view's, so it is handed on.
    expect(onChange.mock.calls[0]![0]!.flatMap((r) => [...r.addedNodes])).toEqual([host, moment]);
    // The view's own removal is not; the page's text in the moment is.
    host.remove();
    moment.append("Nieuw");
    await wait(150);
    expect(onChange.mock.calls[1]![0]!.map((r) => r.target)).toEqual([moment]);

    // A start with what the view shows read a while ago: the records since then are not known.
    const stale = vi.fn(async (_records: MutationRecord[] | null) => true);
    stops.push(followPage(document, stale, own, { ...OPTIONS, stale: true }));
    await wait(30);
    expect(stale).toHaveBeenCalledWith(null);
    moment.remove();
  });

  it("stops reading when stopped", async () => {
    const onChange = vi.fn(async () => true);
    const stop = followPage(document, onChange, own, OPTIONS);
    document.body.append("late");
    stop();
    await wait(150);
    expect(onChange).not.toHaveBeenCalled();
  });
});
