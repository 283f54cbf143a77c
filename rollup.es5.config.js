// The es5 flavour's rollup config: nothing to change yet. It exists because .env sets
// LNG_CUSTOM_ROLLUP=true for rollup.es6.config.js, and the Lightning CLI then looks for one per flavour.
module.exports = {}
