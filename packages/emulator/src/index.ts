export { CONTROL_PREFIX } from './control/control-api.js'
export {
  type ClockView,
  type ControlClient,
  type ControlClientOptions,
  createControlClient,
} from './control/control-client.js'
export { type ClockCommand, ClockCommandSchema } from './control/control-schemas.js'
export { createEmulator } from './create-emulator.js'
export { DEMO_APP, DEMO_USER_ACCESS_TOKEN, type DemoApp } from './demo-app.js'
export type {
  ActiveFaultRule,
  Emulator,
  EmulatorFaults,
  EmulatorFetch,
  EmulatorTokens,
} from './emulator.js'
export type { CorsOptions, EmulatorApp, EmulatorOptions, Sleep } from './emulator-options.js'
export type { EmulatorSettings } from './emulator-settings.js'
export { API_CODES, type ApiCode, SUCCESS_MESSAGE } from './endpoint/api-codes.js'
export { APP_ID_HEADERS } from './endpoint/read-app-id.js'
export {
  ENDPOINT_NAMES,
  type EndpointName,
  EndpointNameSchema,
  endpointPath,
} from './endpoint-name.js'
export {
  type FaultRule,
  FaultRuleSchema,
  FaultRulesSchema,
} from './faults/fault-rule-schema.js'
export {
  type Fault,
  type FaultKind,
  FaultSchema,
  type WrongTypeField,
  WrongTypeFieldSchema,
} from './faults/fault-schema.js'
export { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from './http/cors.js'
export { EmulatedNetworkError, isEmulatedNetworkError } from './http/emulated-network-error.js'
export {
  type EmulatorConfig,
  EmulatorConfigSchema,
  type SettingsPatch,
  SettingsPatchSchema,
} from './settings-schema.js'
export type { EmulatorClock } from './state/emulator-clock.js'
export type { RateLimit } from './state/rate-limiter.js'
export { REDACTED } from './state/redact.js'
export type { RecordedRequest, RequestCounts, RequestOutcome } from './state/request-record.js'
export type { CachedWechatToken } from './state/token-store.js'
