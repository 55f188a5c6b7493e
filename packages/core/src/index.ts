// Public entry point of @authing-edge/core: an explicit list of re-exports.

// --- errors ---
export {
  AuthingApiError,
  type AuthingApiErrorDetails,
  AuthingError,
  type AuthingErrorOptions,
  ConfigError,
  HttpError,
  type HttpErrorDetails,
  isAuthingApiError,
  isAuthingError,
  isConfigError,
  isHttpError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  NetworkError,
  type RequestSummary,
  ResponseValidationError,
  TimeoutError,
  type ValidationIssue,
} from './errors/index.js'
export type { LogFields, Logger } from './logger.js'

// --- client (issue: core client) ---

// --- cache (issue: token cache) ---
