/**
 * The `apiCode` values the emulator returns. `systemBusy`, `missingAppId`, `appNotFound` and
 * `notLoggedIn` follow Authing's published apiCode table; `invalidParameter` is the emulator's
 * own; the two WeChat codes are WeChat's `errcode` for the same mistakes.
 */
export const API_CODES = Object.freeze({
  /** 1000, Authing "系统繁忙，请稍后再试": the default of a `business-error` fault. */
  systemBusy: 1000,
  /** 1400 (emulator-specific): the body is not valid JSON or fails validation. */
  invalidParameter: 1400,
  /** 2010, Authing "需提供操作的应用的 ID": no `x-authing-app-id` / `x-genauth-app-id`. */
  missingAppId: 2010,
  /** 2011, Authing "应用不存在": the app id header names no configured application. */
  appNotFound: 2011,
  /** 2020, Authing "尚未登录": user-token mode without a valid `authorization`. */
  notLoggedIn: 2020,
  /** 40013, WeChat "invalid appid": no such WeChat app for this Authing application. */
  wechatInvalidAppId: 40013,
  /** 40125, WeChat "invalid appsecret": the WeChat appSecret is wrong. */
  wechatInvalidAppSecret: 40125,
} as const)

/** One of {@link API_CODES}. */
export type ApiCode = (typeof API_CODES)[keyof typeof API_CODES]

/** Message of a successful envelope, as in the upstream OpenAPI example. */
export const SUCCESS_MESSAGE = '操作成功'
