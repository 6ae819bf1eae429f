/** The view's one way to its words: browser.i18n.getMessage, or a stand-in in tests. A module of its own, so that every part of the view can name it without importing another part. */
export type Translate = (key: string, subs?: string[]) => string;
