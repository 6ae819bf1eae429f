/** Set by the build (build.mjs `define`) and the unit tests' config: whether performance marks are recorded. */
declare const __LEESRUST_MARKS__: boolean;
