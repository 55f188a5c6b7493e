// @ts-check
// The runtimes of the matrix: what each needs and how it is started. Node 24 is the Node that
// runs this script; the others come from scripts/runtimes.sh as environment variables.

/**
 * @typedef {object} ScriptLeg
 * @property {'script'} kind - runs adapters/script.ts as a plain program
 * @property {string} name - the matrix label
 * @property {string | undefined} binEnv - the variable naming the binary; undefined for Node 24
 * @property {(port: number) => string[]} flags - arguments placed before the script
 * @property {string} script - the adapter to run, relative to the package
 *
 * @typedef {object} VitestLeg
 * @property {'vitest'} kind - runs the shared vitest test file under a vitest config
 * @property {string} name - the matrix label
 * @property {string} config - the vitest config file, relative to the package
 * @property {string[]} requiredEnv - variables the config needs
 *
 * @typedef {ScriptLeg | VitestLeg} Leg
 */

/** The plain-script adapter shared by Node, Deno and Bun. */
const SCRIPT = 'adapters/script.ts'

/**
 * Every leg, in the order they run.
 * @type {readonly Leg[]}
 */
export const LEGS = [
  { kind: 'script', name: 'node22', binEnv: 'NODE22_BIN', flags: () => [], script: SCRIPT },
  { kind: 'script', name: 'node24', binEnv: undefined, flags: () => [], script: SCRIPT },
  {
    kind: 'script',
    name: 'deno',
    binEnv: 'DENO_BIN',
    // Network to the emulator only; modules load from ./node_modules without read permission.
    flags: (port) => ['run', '--no-prompt', '--no-lock', `--allow-net=127.0.0.1:${port}`],
    script: SCRIPT,
  },
  { kind: 'script', name: 'bun', binEnv: 'BUN_BIN', flags: () => [], script: SCRIPT },
  { kind: 'vitest', name: 'workerd', config: 'vitest.workerd.config.ts', requiredEnv: [] },
  // workerd again, as a plain Worker without nodejs_compat, started through wrangler's API.
  {
    kind: 'script',
    name: 'workerd-bare',
    binEnv: undefined,
    flags: () => [],
    script: 'adapters/workerd-bare.mjs',
  },
  {
    kind: 'vitest',
    name: 'chromium',
    config: 'vitest.chromium.config.ts',
    requiredEnv: ['CHROMIUM_PATH'],
  },
]

/**
 * Picks the legs named on the command line, or all of them.
 *
 * @param {readonly string[]} names - labels from the command line; empty for all
 * @returns {Leg[]} the selected legs, in matrix order
 */
export function selectLegs(names) {
  const unknown = names.filter((name) => !LEGS.some((leg) => leg.name === name))
  if (unknown.length > 0) {
    const known = LEGS.map((leg) => leg.name).join(', ')
    throw new Error(`unknown runtime ${unknown.join(', ')}; expected some of: ${known}`)
  }
  return LEGS.filter((leg) => names.length === 0 || names.includes(leg.name))
}
