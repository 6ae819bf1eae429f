/**
 * A CDP channel to a target Playwright does not adopt (the extension's popup, its service
 * worker), through the browser session: Target.attachToTarget without flatten, then
 * Target.sendMessageToTarget. Replies and events arrive as Target.receivedMessageFromTarget.
 */
import type { CDPSession } from "playwright-core";
import { waitFor } from "./session";

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

export class CdpTarget {
  private nextId = 0;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly listeners = new Map<string, ((params: unknown) => void)[]>();

  private constructor(
    private readonly browserSession: CDPSession,
    private readonly sessionId: string,
  ) {
    browserSession.on("Target.receivedMessageFromTarget", (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as Message;
      if (message.id !== undefined) {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      } else if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      }
    });
  }

  /** Attaches to the first target whose URL starts with `urlPrefix` and has the given type, waiting for it to appear. */
  static async attach(browserSession: CDPSession, type: string, urlPrefix: string, what: string): Promise<CdpTarget> {
    const target = await waitFor(what, async () => {
      const { targetInfos } = await browserSession.send("Target.getTargets");
      return targetInfos.find((t) => t.type === type && t.url.startsWith(urlPrefix));
    });
    const { sessionId } = await browserSession.send("Target.attachToTarget", { targetId: target.targetId, flatten: false });
    return new CdpTarget(browserSession, sessionId);
  }

  call<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result as T)));
      this.browserSession
        .send("Target.sendMessageToTarget", { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  }

  on(method: string, listener: (params: unknown) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /** Evaluates a self-contained function with a JSON argument; rejects with the target's exception. */
  async evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R> {
    const expression = `(${fn.toString()})(${JSON.stringify(arg) ?? "undefined"})`;
    const { result, exceptionDetails } = await this.call<{
      result: { value?: R };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as R;
  }
}
