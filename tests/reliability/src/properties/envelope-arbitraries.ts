import fc from 'fast-check'

const KNOWN_KEYS = new Set(['statusCode', 'message', 'apiCode', 'requestId', 'data'])
const KNOWN_DATA_KEYS = new Set(['accessToken', 'expiresAt'])

/**
 * Keys valibot drops on purpose (its guard against prototype pollution); a separate test pins
 * that down, so they are not generated as ordinary extra fields.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  'constructor',
])

/** Extra keys upstream may add one day; never one the contract gives a meaning. */
const extraKeys = (known: ReadonlySet<string>) =>
  fc.dictionary(
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((key) => !known.has(key) && !PROTOTYPE_KEYS.has(key)),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  )

/** A decimal numeral the contract accepts: 1-16 integer digits, optional 1-9 fraction digits. */
export const shortDecimalString = fc
  .tuple(
    fc.stringMatching(/^[0-9]{1,16}$/),
    fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
  )
  .map(([whole, fraction]) => (fraction === undefined ? whole : `${whole}.${fraction}`))

/** A finite, non-negative number as JSON carries it. */
export const nonNegativeNumber = fc.oneof(
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }).map(Math.abs),
)

/** An `expiresAt` the contract accepts. */
export const validExpiresAt = fc.oneof(nonNegativeNumber, shortDecimalString)

/** An `expiresAt` the contract refuses: wrong types and strings that are not plain numerals. */
export const invalidExpiresAt = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    '',
    ' 1',
    '1 ',
    '-1',
    '+1',
    '1e5',
    '0x10',
    '1.',
    '.5',
    '1,5',
    'NaN',
    'Infinity',
    '１２',
  ),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.string().filter((s) => !/^[0-9]+(?:\.[0-9]+)?$/.test(s)),
  fc.array(fc.nat(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.nat(), { maxKeys: 2 }),
)

const optionalEnvelopeFields = fc.record(
  { apiCode: fc.integer(), requestId: fc.string({ maxLength: 40 }) },
  { requiredKeys: [] },
)

/** A success envelope the contract accepts, with unknown fields mixed in. */
export const validSuccess = fc
  .tuple(
    extraKeys(KNOWN_KEYS),
    extraKeys(KNOWN_DATA_KEYS),
    optionalEnvelopeFields,
    fc.string({ maxLength: 40 }),
    fc.string({ minLength: 1, maxLength: 200 }),
    validExpiresAt,
  )
  .map(([extra, dataExtra, optional, message, accessToken, expiresAt]) => ({
    ...extra,
    statusCode: 200,
    message,
    ...optional,
    data: { ...dataExtra, accessToken, expiresAt },
  }))

/** A business-error envelope the contract accepts. */
export const validFailure = fc
  .tuple(
    extraKeys(KNOWN_KEYS),
    optionalEnvelopeFields,
    fc.integer().filter((code) => code !== 200),
    fc.string({ maxLength: 40 }),
    fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  )
  .map(([extra, optional, statusCode, message, data]) => ({
    ...extra,
    statusCode,
    message,
    ...optional,
    ...(data === undefined ? {} : { data }),
  }))

type Envelope = Record<string, unknown>
type Mutation = (envelope: Envelope) => Envelope

const withData = (envelope: Envelope, change: (data: Envelope) => Envelope): Envelope => {
  const data = envelope.data
  return {
    ...envelope,
    data: typeof data === 'object' && data !== null ? change({ ...data }) : data,
  }
}
const without =
  (key: string) =>
  (object: Envelope): Envelope => {
    const copy = { ...object }
    delete copy[key]
    return copy
  }
const notString = fc.oneof(
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.nat(), { maxLength: 1 }),
)
const notNumber = fc.oneof(fc.string(), fc.constant(null), fc.boolean())

/** One change that breaks a valid success envelope. */
const successBreakers: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant(without('message')),
  fc.constant(without('data')),
  fc.constant((e: Envelope) => withData(e, without('accessToken'))),
  fc.constant((e: Envelope) => withData(e, without('expiresAt'))),
  fc.constant((e: Envelope) => withData(e, (d) => ({ ...d, accessToken: '' }))),
  notString.map((value) => (e: Envelope) => ({ ...e, message: value })),
  notString.map((value) => (e: Envelope) => ({ ...e, requestId: value })),
  notNumber.map((value) => (e: Envelope) => ({ ...e, apiCode: value })),
  notString.map((value) => (e: Envelope) => withData(e, (d) => ({ ...d, accessToken: value }))),
  invalidExpiresAt.map(
    (value) => (e: Envelope) => withData(e, (d) => ({ ...d, expiresAt: value })),
  ),
  fc
    .constantFrom(null, 'ok', 42, [], true)
    .map((value) => (e: Envelope) => ({ ...e, data: value })),
  fc
    .constantFrom('200', 200.5, null, true)
    .map((value) => (e: Envelope) => ({ ...e, statusCode: value })),
)

/** A success envelope broken by exactly one change. */
export const brokenSuccess = fc
  .tuple(validSuccess, successBreakers)
  .map(([envelope, breaker]) => breaker(envelope))

/** A business-error envelope broken by exactly one change. */
export const brokenFailure = fc
  .tuple(
    validFailure,
    fc.oneof(
      fc.constant(without('message')),
      fc.constant(without('statusCode')),
      notString.map((value) => (e: Envelope) => ({ ...e, message: value })),
      notNumber.map((value) => (e: Envelope) => ({ ...e, apiCode: value })),
      fc
        .constantFrom('500', 400.5, null, false)
        .map((value) => (e: Envelope) => ({ ...e, statusCode: value })),
    ),
  )
  .map(([envelope, breaker]) => breaker(envelope))

/** Bodies that are not JSON objects at all: any text, any bytes, JSON of another kind. */
export const nonObjectBody = fc.oneof(
  fc.string().filter((text) => !text.trimStart().startsWith('{')),
  fc.uint8Array({ maxLength: 64 }),
  fc
    .oneof(
      fc.array(fc.jsonValue({ maxDepth: 1 })),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    )
    .map((value) => JSON.stringify(value) ?? 'null'),
)
