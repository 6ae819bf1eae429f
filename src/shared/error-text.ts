/**
 * A thrown value as a short line for a status reason or a message; anything can be thrown, and a
 * status whose reason is longer than the messages' shape check allows would be refused whole.
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text;
}

const MAX_ERROR_TEXT = 200;
