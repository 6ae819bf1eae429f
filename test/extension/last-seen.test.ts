import { describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";
import { watchLastSeen } from "../../src/inject/last-seen";

function pageWith(state: "visible" | "hidden") {
  const doc = new JSDOM("<p>x</p>").window.document;
  let visibility = state;
  Object.defineProperty(doc, "visibilityState", { get: () => visibility });
  const show = (next: "visible" | "hidden") => {
    visibility = next;
    doc.dispatchEvent(new doc.defaultView!.Event("visibilitychange"));
  };
  return { doc, show };
}

describe("when the page was last on screen", () => {
  it("now while it is shown; the moment it went out of sight after that; never for a page loaded out of sight", async () => {
    const shown = pageWith("visible");
    const seen = watchLastSeen(shown.doc);
    const before = Date.now();
    expect(seen()).toBeGreaterThanOrEqual(before);
    shown.show("hidden");
    const hiddenAt = seen();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen(), "stays at the moment it was hidden").toBe(hiddenAt);

    const background = pageWith("hidden");
    expect(watchLastSeen(background.doc)()).toBeNull();
  });
});
