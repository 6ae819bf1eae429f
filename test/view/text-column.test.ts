import { afterEach, describe, expect, it, vi } from "vitest";
import { LINE_CHARS, WIDTHS } from "../../src/shared/settings";

/** A browser whose text face has `em` as its average character width (jsdom has no canvas at all). */
async function columnEmsWith(em: number | null) {
  vi.resetModules();
  if (em !== null) {
    vi.stubGlobal(
      "OffscreenCanvas",
      class {
        getContext() {
          const context = { font: "", measureText: (text: string) => ({ width: text.length * em * Number(/(\d+)px/.exec(context.font)?.[1]) }) };
          return context;
        }
      },
    );
  }
  return (await import("../../src/inject/view/text-column")).columnEms;
}

afterEach(() => vi.unstubAllGlobals());

describe("the text column", () => {
  it("is as many average characters wide as the width step says, in the font the browser uses", async () => {
    for (const em of [0.41, 0.52]) {
      const columnEms = await columnEmsWith(em);
      for (const width of WIDTHS) expect(columnEms({ font: "serif", width })).toBeCloseTo(LINE_CHARS[width] * em, 1);
    }
  });

  it("widens step by step", async () => {
    const columnEms = await columnEmsWith(0.46);
    const widths = WIDTHS.map((width) => columnEms({ font: "sans", width }));
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(new Set(widths).size).toBe(3);
  });

  it("takes Georgia's proportions where it cannot measure, or measures nonsense", async () => {
    expect((await columnEmsWith(null))({ font: "serif", width: "medium" })).toBeCloseTo(LINE_CHARS.medium * 0.46, 1);
    expect((await columnEmsWith(5))({ font: "serif", width: "medium" })).toBeCloseTo(LINE_CHARS.medium * 0.46, 1);
  });
});
