/** The targets, in one place for the budget test and the report. */

/** The target for the client Worker entry, ky included, minified and gzipped. */
export const CLIENT_ENTRY_MAX_GZIP_BYTES = 12_000

/**
 * The budget the tests enforce, so that any growth fails: the measured 14 786 bytes plus about
 * 1.5 %. It was 14 700 until the first attempt of a call was sent without ky (14 401 → 14 786
 * bytes, for an uncached call 1.46x → about 1.1x a bare fetch). The 12 000-byte target is
 * out of reach while ky 2.1 (9 000 bytes min+gz in the report's ky floor) is the HTTP layer; the
 * report shows the target as missed, and bench/README.md says why.
 */
export const CLIENT_ENTRY_BUDGET_GZIP_BYTES = 15_000

/** How many times smaller than the official SDK the client entry must be (min+gz). */
export const MIN_SIZE_ADVANTAGE = 10

/** An uncached call may cost at most this multiple of a bare `fetch` (medians, same run). */
export const MAX_OVERHEAD_VS_FETCH = 1.1

/** Memory hits per second the cache must serve on Node. */
export const MIN_CACHE_HITS_PER_SECOND = 5_000_000

/** Concurrent cold `get()` calls that must make exactly one upstream request. */
export const STAMPEDE_CONCURRENCY = 10_000
