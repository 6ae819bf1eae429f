// @vitest-environment node
import { describe, expect, it } from "vitest";
import { assess, type StepTimer } from "../../src/core/index";
import { MARKER, adPage, parse } from "./dom";

const AD = "https://www.ad.nl/buitenland/test~a1b2c3d4/";

function recorder(): { steps: string[]; time: StepTimer } {
  const steps: string[] = [];
  return { steps, time: (step, run) => (steps.push(step), run()) };
}

describe("assess: is a reading view on offer?", () => {
  const marked = parse(adPage(`<p>Tekst.</p><span>${MARKER}</span>`), AD);

  it("offers one on a DPG article with a marker, timing detect and extract", () => {
    const { steps, time } = recorder();
    const { detection, result, offered } = assess(marked, AD, time);
    expect(detection).toEqual({ placeholders: 0, photoMarkers: 1 });
    expect(result.ok && result.article.blocks).toEqual([{ type: "paragraph", text: "Tekst." }]);
    expect(offered).toBe(true);
    expect(steps).toEqual(["detect", "extract"]);
  });

  it("offers none off DPG hosts, and does not extract there", () => {
    const { steps, time } = recorder();
    expect(assess(marked, "https://www.nos.nl/artikel/1", time)).toMatchObject({
      offered: false, result: { ok: false, reason: "not a DPG Media site" },
    });
    expect(steps).toEqual(["detect"]);
  });

  it("offers one on a DPG article with nothing blocked or marked: ads and teasers break it up too", () => {
    const plain = parse(adPage(`<p>Tekst.</p>`), AD);
    expect(assess(plain, AD)).toMatchObject({ offered: true, detection: { placeholders: 0, photoMarkers: 0 }, result: { ok: true } });
  });

  it("offers none when markers are found but no article", () => {
    const page = parse(`<html><body><div><p>${MARKER}</p></div></body></html>`, AD);
    expect(assess(page, AD)).toMatchObject({ offered: false, detection: { photoMarkers: 1 }, result: { ok: false } });
  });

  it("knows regional subdomains and rejects look-alike hosts", () => {
    expect(assess(marked, "https://www.regio.ad.nl/x").offered).toBe(true);
    expect(assess(marked, "https://notad.nl/x").offered).toBe(false);
    expect(assess(marked, "https://ad.nl.evil.example/x").offered).toBe(false);
  });
});
