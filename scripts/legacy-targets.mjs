// The one definition of what the legacy build (dist/es5, and the store packages made from it) runs
// on, used by every step that names a legacy target (README, "Supported engines"):
//
// - the engines: Chromium 53 and newer (webOS 4.x; Tizen 4.0 is Chromium 56). Older engines (webOS
//   3.x, Chromium 38) are out of scope;
// - the syntax: ES5 in every script, whatever those engines could parse, so a bundle the Lightning
//   CLI lowers less than promised (its "es5" Lightning build still holds `const`) is caught by the
//   ES5 check before a TV shows a black screen. The CLI's own es5 app bundle targets Chrome 39, which
//   already meets both.

/** Babel/browserslist-style targets of the legacy engines. */
export const legacyTargets = Object.freeze({ chrome: '53' })

/** The ECMAScript edition every legacy script must parse as (acorn `ecmaVersion`, terser `ecma`). */
export const legacyEcmaVersion = 5

/**
 * The es6 flavour's engines (README, "Supported engines"): they run the same sources and libraries
 * with no polyfill but src/polyfills/legacy.ts, so a feature core-js would add even there is one the
 * code does not depend on, and the legacy build leaves it out too.
 */
export const modernTargets = Object.freeze({ chrome: '80' })
