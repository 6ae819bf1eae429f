/**
 * One way to answer messages that works in Chrome and Firefox alike: the listener keeps the
 * channel open (returns true) and answers through sendResponse. Promise-returning listeners
 * are Firefox-only, and a listener answering messages it does not own would steal their replies.
 */
import browser, { type Runtime } from "webextension-polyfill";

export type Answer = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

export function onRequest(answer: Answer): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    const reply = answer(message, sender);
    if (!reply) return false;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
