// One broker per configuration: a change to any value it is built from gets a new one.
import { env } from 'cloudflare:workers'
import { expect, test } from 'vitest'
import { getBroker } from './broker.js'
import { readConfig } from './config.js'

function configOf(overrides: Partial<Record<'BROKER_TOKEN' | 'LOG_LEVEL', string>>) {
  const result = readConfig({ ...env, ...overrides })
  if (!result.ok) throw new Error(`test configuration refused: ${JSON.stringify(result.problems)}`)
  return result.config
}

test('the same configuration gets the same broker', async () => {
  expect(await getBroker(configOf({}))).toBe(await getBroker(configOf({})))
})

// The broker's logger redacts the broker token it was built with: a broker kept across a
// rotation of BROKER_TOKEN would let the new one through.
test('a new BROKER_TOKEN gets a new broker', async () => {
  const before = await getBroker(configOf({}))
  const after = await getBroker(configOf({ BROKER_TOKEN: `${env.BROKER_TOKEN}-rotated` }))
  expect(after).not.toBe(before)
})

test('a new LOG_LEVEL gets a new broker', async () => {
  const info = await getBroker(configOf({ LOG_LEVEL: 'info' }))
  expect(await getBroker(configOf({ LOG_LEVEL: 'debug' }))).not.toBe(info)
})
