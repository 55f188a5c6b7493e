/** The bindings every benchmark Worker reads (plain-text vars set by the harness). */
export interface WorkerEnv {
  readonly AUTHING_APP_ID: string
  readonly AUTHING_APP_SECRET: string
  readonly AUTHING_APP_HOST: string
  readonly WECHAT_APP_ID: string
  readonly WECHAT_APP_SECRET: string
}
