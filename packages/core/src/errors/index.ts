export {
  AuthingApiError,
  type AuthingApiErrorDetails,
  isAuthingApiError,
} from './authing-api-error.js'
export {
  AuthingError,
  type AuthingErrorOptions,
  isAuthingError,
  type RequestSummary,
} from './authing-error.js'
export { ConfigError, isConfigError } from './config-error.js'
export { HttpError, type HttpErrorDetails, isHttpError } from './http-error.js'
export { isNetworkError, NetworkError } from './network-error.js'
export {
  isResponseValidationError,
  ResponseValidationError,
  type ValidationIssue,
} from './response-validation-error.js'
export { isTimeoutError, TimeoutError } from './timeout-error.js'
