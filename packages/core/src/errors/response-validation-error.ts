import { AuthingError, type AuthingErrorOptions, guardFor } from './authing-error.js'

/** One problem found in a response, without the offending value. */
export interface ValidationIssue {
  /** Dotted path to the field, e.g. `data.expiresAt`; empty for the whole body. */
  readonly path: string
  /** What is wrong with it. */
  readonly message: string
}

/**
 * The response could not be used: not JSON (an HTML page, a truncated body), or JSON of the
 * wrong shape (wrong field types, a success without a token, an unparsable `expiresAt`).
 */
export class ResponseValidationError extends AuthingError {
  override name = 'ResponseValidationError' as const
  /** What was wrong, field by field. */
  declare readonly issues: readonly ValidationIssue[]
  /** The HTTP status the invalid body came with, when there was a response. */
  declare readonly httpStatus: number | undefined

  /**
   * @param issues - the problems found, already redacted
   * @param options - `cause`, the request summary and the HTTP status
   */
  constructor(
    issues: readonly ValidationIssue[],
    options: AuthingErrorOptions & { httpStatus?: number | undefined } = {},
  ) {
    const [first] = issues
    const summary = first
      ? (first.path ? `${first.path}: ` : '') + first.message
      : 'invalid response'
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : ''
    super(`Invalid response: ${summary}${more}`, options)
    this.issues = issues
    this.httpStatus = options.httpStatus
  }
}

/** Whether `value` is a {@link ResponseValidationError} (any copy, any realm). */
export const isResponseValidationError: (value: unknown) => value is ResponseValidationError =
  guardFor<ResponseValidationError>('ResponseValidationError')
