/**
 * Writes that arrive in bursts (the reader stepping the text size up ten times), stored as one:
 * a write goes out once the changes pause, and never sooner than `minGapMs` after the last one,
 * so no burst, however long, can use up storage.sync's write quota (120 a minute, 1800 an hour).
 * The last value always wins. A failed write keeps its value for a later try and rejects the
 * promises of the changes it carried, so the reader can be told.
 */
export interface CoalescedWriterOptions {
  /** Wait this long after a change for the next one. */
  quietMs: number;
  /** At least this long between two writes. */
  minGapMs: number;
  /** A change waits at most this long for the changes to pause (if the gap allows). */
  maxWaitMs: number;
  /** After a failed write, try again this much later (storage quotas refill by the minute). */
  retryMs: number;
}

/** 2.5 s apart at least: 24 writes a minute, 1440 an hour, within both of storage.sync's limits. */
export const SETTINGS_WRITES: CoalescedWriterOptions = { quietMs: 400, minGapMs: 2500, maxWaitMs: 3000, retryMs: 60_000 };

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export interface CoalescedWriter<T> {
  /** Settles when this value, or a later one, is written or failed to be. */
  save(value: T): Promise<void>;
  /** A value is waiting or being written: what storage reports meanwhile is older than it. */
  readonly busy: boolean;
}

export function coalescedWriter<T>(write: (value: T) => Promise<unknown>, options: CoalescedWriterOptions): CoalescedWriter<T> {
  let pending: { value: T; since: number; waiters: Waiter[] } | null = null;
  let lastWrite = -Infinity;
  let writing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(delay: number): void {
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, delay));
  }

  /** When the pending value may go: after the pause (or its longest wait), and never inside the gap. */
  function nextWrite(now: number): number {
    const paused = Math.min(now + options.quietMs, (pending?.since ?? now) + options.maxWaitMs);
    return Math.max(paused, lastWrite + options.minGapMs) - now;
  }

  async function flush(): Promise<void> {
    if (!pending || writing) return;
    const batch = pending;
    pending = null;
    writing = true;
    lastWrite = Date.now();
    try {
      await write(batch.value);
      for (const waiter of batch.waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
      // Nothing is lost: unless a newer value came meanwhile, this one is tried again later.
      if (!pending) {
        pending = { value: batch.value, since: Date.now(), waiters: [] };
        lastWrite = Date.now() + options.retryMs - options.minGapMs;
      }
    } finally {
      writing = false;
    }
    if (pending) schedule(nextWrite(Date.now()));
  }

  return {
    save: (value) =>
      new Promise<void>((resolve, reject) => {
        const now = Date.now();
        pending = { value, since: pending?.since ?? now, waiters: [...(pending?.waiters ?? []), { resolve, reject }] };
        // While a write is out, flush() schedules the next one when it is done.
        if (!writing) schedule(nextWrite(now));
      }),
    get busy() {
      return writing || pending !== null;
    },
  };
}
