/**
 * Marks the last line a plain-script run prints, followed by its JSON summary
 * `{ runtime, engine, total, passed, failed }`. run-matrix.mjs looks for it.
 */
export const SUMMARY_PREFIX = '# conformance-summary '
