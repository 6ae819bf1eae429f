import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalescedWriter, SETTINGS_WRITES } from "../../src/shared/coalesced-writer";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** A store that records each write's time and value, and fails while `failing` is set. */
function store() {
  const writes: { at: number; value: number }[] = [];
  const state = { failing: false };
  const write = vi.fn(async (value: number) => {
    if (state.failing) throw new Error("MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded");
    writes.push({ at: Date.now(), value });
  });
  const writer = coalescedWriter(write, SETTINGS_WRITES);
  return { writes, state, save: writer.save, writer, write };
}

describe("coalescedWriter (settings from the reading view)", () => {
  it("stores a burst of 400 changes as a handful of writes, the last value last, every change settled", async () => {
    const { writes, save } = store();
    const saved = Array.from({ length: 400 }, (_, i) => save(i));
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(Promise.all(saved)).resolves.toBeDefined();
    expect(writes.length).toBeLessThanOrEqual(2);
    expect(writes.at(-1)?.value).toBe(399);
  });

  it("keeps a long stream of changes within storage.sync's quotas: under 120 writes a minute and 1800 an hour", async () => {
    const { writes, save } = store();
    for (let i = 0; i < 24_000; i++) {
      void save(i);
      await vi.advanceTimersByTimeAsync(150);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    const inWindow = (ms: number) => Math.max(...writes.map((w) => writes.filter((x) => x.at >= w.at && x.at < w.at + ms).length));
    expect(writes.length, "changes are stored during the stream, not only after it").toBeGreaterThan(1000);
    expect(inWindow(60_000)).toBeLessThan(120);
    expect(inWindow(3_600_000)).toBeLessThan(1800);
    expect(writes.at(-1)?.value).toBe(23_999);
    for (let i = 1; i < writes.length; i++) expect(writes[i]!.at - writes[i - 1]!.at).toBeGreaterThanOrEqual(SETTINGS_WRITES.minGapMs);
  });

  it("writes a lone change soon after it, and is busy until then", async () => {
    const { writes, save, writer } = store();
    expect(writer.busy).toBe(false);
    const saved = save(7);
    expect(writer.busy).toBe(true);
    await vi.advanceTimersByTimeAsync(SETTINGS_WRITES.quietMs);
    await saved;
    expect(writes).toEqual([{ at: SETTINGS_WRITES.quietMs, value: 7 }]);
    expect(writer.busy).toBe(false);
  });

  it("a failed write rejects the changes it carried, keeps the value and stores it later", async () => {
    const { writes, state, save } = store();
    state.failing = true;
    const saved = save(5);
    const failed = expect(saved).rejects.toThrow(/quota/);
    await vi.advanceTimersByTimeAsync(SETTINGS_WRITES.quietMs);
    await failed;
    state.failing = false;
    await vi.advanceTimersByTimeAsync(SETTINGS_WRITES.retryMs);
    expect(writes.map((w) => w.value)).toEqual([5]);
  });

  it("a newer change after a failure wins over the failed one", async () => {
    const { writes, state, save } = store();
    state.failing = true;
    save(1).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(SETTINGS_WRITES.quietMs);
    state.failing = false;
    const saved = save(2);
    await vi.advanceTimersByTimeAsync(SETTINGS_WRITES.retryMs);
    await saved;
    expect(writes.map((w) => w.value)).toEqual([2]);
  });
});
