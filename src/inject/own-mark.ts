/**
 * What marks a node as the view's own: ids alone could be the page's (a page node with one of
 * the view's ids is never touched). The view removes its own nodes by reference; this mark finds
 * a view left behind by an earlier copy of the content script, and tells the page's own
 * mutations from the view's.
 */
export const OWN_MARK = "data-leesrust";
