/** Build-time values the Lightning CLI substitutes (`process.env.APP_*` from the environment). */
declare const process: {
  readonly env: {
    readonly NODE_ENV?: string
    /** "true" in store packages (.wgt, .ipk): query-string overrides are switched off (docs/architecture.md "Settings"). */
    readonly APP_STORE_BUILD?: string
  }
}
