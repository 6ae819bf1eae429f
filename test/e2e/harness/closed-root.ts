/**
 * How the tests reach the reading view's closed shadow root: only through the browsers' public
 * automation protocols, which see closed roots where page script cannot. Both run the probe in
 * a world of their own beside the page's (a Chromium isolated world, a WebDriver BiDi sandbox),
 * so an attack page's sabotaged built-ins cannot get in the way of the test either.
 *
 * The view's host is the element marked `data-leesrust="view"` (the last one, should the page
 * have copied the mark): by id it could be a page node with the same id.
 */
import type { CDPSession } from "playwright-core";

const HOST_SELECTOR = '[data-leesrust="view"]';
const FIND_HOST = `(() => { const all = document.querySelectorAll(${JSON.stringify(HOST_SELECTOR)}); return all[all.length - 1] ?? null; })()`;
const WORLD = "leesrust-e2e";

type Probe<R, A> = (root: ShadowRoot | null, arg: A) => R;

/** The call of a probe with its argument handed over as JSON, and its result handed back so. */
function jsonCall(fn: Probe<unknown, unknown>): string {
  return `async function (root, json) {
    const result = await (${fn.toString()})(root, json === undefined ? undefined : JSON.parse(json));
    return result === undefined ? undefined : JSON.stringify(result);
  }`;
}

interface CdpRemote {
  result: { objectId?: string; value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

function cdpFailure(what: string, reply: CdpRemote): Error {
  return new Error(`${what}: ${reply.exceptionDetails?.exception?.description ?? reply.exceptionDetails?.text}`);
}

/** Chromium, over CDP: DOM.describeNode with pierce sees closed roots. */
export async function inViewOverCdp<R, A>(cdp: CDPSession, fn: Probe<R, A>, arg: A): Promise<R> {
  const { frameTree } = await cdp.send("Page.getFrameTree");
  const { executionContextId } = await cdp.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id, worldName: WORLD });
  const found = (await cdp.send("Runtime.evaluate", { expression: FIND_HOST, contextId: executionContextId })) as CdpRemote;
  if (found.exceptionDetails) throw cdpFailure("finding the view's host", found);
  let rootObject: string | undefined;
  if (found.result.objectId) {
    const { node } = await cdp.send("DOM.describeNode", { objectId: found.result.objectId, depth: 0, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (shadow) {
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId, executionContextId });
      rootObject = object.objectId;
    }
  }
  // A probe is called on the root (or on null while no view is open) in the same world.
  const target = rootObject ? { objectId: rootObject } : { executionContextId };
  const called = (await cdp.send("Runtime.callFunctionOn", {
    ...target,
    functionDeclaration: jsonCall(fn as Probe<unknown, unknown>),
    arguments: [rootObject ? { objectId: rootObject } : { value: null }, ...(arg === undefined ? [] : [{ value: JSON.stringify(arg) }])],
    awaitPromise: true,
    returnByValue: true,
  })) as CdpRemote;
  if (called.exceptionDetails) throw cdpFailure("the probe in the view", called);
  const json = called.result.value;
  return (typeof json === "string" ? JSON.parse(json) : undefined) as R;
}

type BidiConnection = { send(method: string, params: object): Promise<unknown> };
interface BidiResult {
  result: {
    type: "success" | "exception";
    result?: { type: string; value?: unknown; sharedId?: string };
    exceptionDetails?: { text: string };
  };
}

/** Firefox, over WebDriver BiDi: a node serialized with includeShadowTree "all" names its closed root. */
export async function inViewOverBidi<R, A>(bidi: BidiConnection, context: string, fn: Probe<R, A>, arg: A): Promise<R> {
  const target = { context, sandbox: WORLD };
  const found = (await bidi.send("script.evaluate", {
    expression: FIND_HOST,
    target,
    awaitPromise: false,
    resultOwnership: "none",
    serializationOptions: { includeShadowTree: "all", maxDomDepth: 1 },
  })) as BidiResult;
  if (found.result.type !== "success") throw new Error(`finding the view's host: ${found.result.exceptionDetails?.text}`);
  const host = found.result.result as { type: string; value?: { shadowRoot?: { sharedId?: string } | null } };
  const rootId = host.type === "node" ? host.value?.shadowRoot?.sharedId : undefined;
  const called = (await bidi.send("script.callFunction", {
    functionDeclaration: jsonCall(fn as Probe<unknown, unknown>),
    target,
    awaitPromise: true,
    resultOwnership: "none",
    arguments: [rootId ? { sharedId: rootId } : { type: "null" }, arg === undefined ? { type: "undefined" } : { type: "string", value: JSON.stringify(arg) }],
  })) as BidiResult;
  if (called.result.type !== "success") throw new Error(`the probe in the view: ${called.result.exceptionDetails?.text}`);
  const json = called.result.result;
  return (json?.type === "string" ? JSON.parse(json.value as string) : undefined) as R;
}
