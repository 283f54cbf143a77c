// The one definition of what the legacy build (dist/es5, and the store packages made from it) runs
// on, used by every step that names a legacy target (README, "Supported engines"):
//
// - the engines: Chromium 53 and newer (webOS 4.x; Tizen 4.0 is Chromium 56). Older engines (webOS
//   3.x, Chromium 38) are out of scope;
// - the syntax: what Chromium 53 parses, ES2016 (classes, arrows, let/const, template literals,
//   destructuring, default and rest parameters, spread, generators, `**`). Not ES2017: its async
//   functions came in Chrome 55 and its trailing commas in parameter lists and calls in Chrome 58, so
//   neither parses on webOS 4. Newer syntax (object rest/spread, regexp lookbehind, named groups,
//   dotAll and property escapes, optional catch binding, class fields, `?.`, `??`) comes later still.
//   Every script is lowered to it and the legacy syntax check parses every script at it, so a bundle
//   lowered less than promised is caught before a TV shows a black screen.

/** Babel/browserslist-style targets of the legacy engines. */
export const legacyTargets = Object.freeze({ chrome: '53' })

/** The ECMAScript edition every legacy script must parse as (acorn `ecmaVersion`, terser `ecma`). */
export const legacyEcmaVersion = 2016

/** The same engines as an esbuild `target`. */
export const legacyEsbuildTarget = `chrome${legacyTargets.chrome}`

/**
 * The es6 flavour's engines (README, "Supported engines"): they run the same sources and libraries
 * with no polyfill but src/polyfills/legacy.ts, so a feature core-js would add even there is one the
 * code does not depend on, and the legacy build leaves it out too.
 */
export const modernTargets = Object.freeze({ chrome: '80' })
