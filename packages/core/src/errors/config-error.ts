import { AuthingError, guardFor } from './authing-error.js'

/**
 * An option or argument is missing or malformed. Raised before any request is sent; the
 * message names the option and says what to pass instead, never its value.
 */
export class ConfigError extends AuthingError {
  override name = 'ConfigError' as const
  /** The option or argument at fault, e.g. `appHost` or `dto.appSecret`. */
  declare readonly option: string

  /**
   * @param option - the option at fault
   * @param message - what is wrong and how to fix it, without the value
   */
  constructor(option: string, message: string) {
    super(`Invalid option ${option}: ${message}`)
    this.option = option
  }
}

/** Whether `value` is a {@link ConfigError} (any copy, any realm). */
export const isConfigError: (value: unknown) => value is ConfigError =
  guardFor<ConfigError>('ConfigError')
