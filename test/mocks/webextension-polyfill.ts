/**
 * Stand-in for webextension-polyfill under vitest: the real module throws outside an
 * extension. Storage is an in-memory map so settings code can be tested for real.
 */
type Listener = (...args: unknown[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    emit: (...args: unknown[]) => [...listeners].map((l) => l(...args)),
  };
}

function storageArea() {
  let data: Record<string, unknown> = {};
  return {
    async get(keys?: string | string[] | Record<string, unknown> | null) {
      if (keys == null) return structuredClone(data);
      const list = typeof keys === "string" ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      const defaults = typeof keys === "object" && !Array.isArray(keys) ? keys : {};
      const out: Record<string, unknown> = {};
      for (const k of list) {
        if (k in data) out[k] = structuredClone(data[k]);
        else if (k in defaults) out[k] = (defaults as Record<string, unknown>)[k];
      }
      return out;
    },
    async set(items: Record<string, unknown>) {
      data = { ...data, ...structuredClone(items) };
    },
    async remove(keys: string | string[]) {
      for (const k of typeof keys === "string" ? [keys] : keys) delete data[k];
    },
    async clear() {
      data = {};
    },
  };
}

const browser = {
  runtime: {
    onMessage: event(),
    onInstalled: event(),
    sendMessage: async (_message: unknown) => undefined,
    getURL: (path: string) => `moz-extension://test/${path}`,
  },
  storage: { local: storageArea(), sync: storageArea(), onChanged: event() },
  i18n: { getMessage: (key: string) => key, getUILanguage: () => "nl" },
  // getCurrent: undefined in a toolbar popup and the background, as in the browsers.
  tabs: { query: async () => [], sendMessage: async () => undefined, create: async () => ({}), getCurrent: async () => undefined },
  action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
  commands: { onCommand: event() },
};

export default browser;
