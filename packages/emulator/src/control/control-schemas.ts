import * as v from 'valibot'

/** Body of `POST /__emulator/clock`: exactly one way to move the clock, or freeze it. */
export const ClockCommandSchema = v.strictObject({
  /** Move forward (or back) by this many milliseconds. */
  advanceMs: v.exactOptional(v.pipe(v.number(), v.finite())),
  /** Move forward (or back) by this many seconds. */
  advanceSeconds: v.exactOptional(v.pipe(v.number(), v.finite())),
  /** Set to this epoch millisecond. */
  setMs: v.exactOptional(v.pipe(v.number(), v.finite())),
  /** Freeze (`true`) or let it run (`false`). Applied before moving it. */
  frozen: v.exactOptional(v.boolean()),
})

/** A command to the emulator's clock. */
export type ClockCommand = v.InferOutput<typeof ClockCommandSchema>
