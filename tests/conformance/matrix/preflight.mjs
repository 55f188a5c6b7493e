// @ts-check
// Checks made before any runtime starts, so a missing build or the wrong Node is reported as
// such rather than as six runtimes failing to import.
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { cliPath } from './emulator-cli.mjs'

/** The built entry points the suite and the matrix load, relative to node_modules. */
const BUILT_ENTRIES = [
  '@authing-edge/types/dist/index.js',
  '@authing-edge/core/dist/index.js',
  '@authing-edge/emulator/dist/index.js',
  '@authing-edge/emulator/dist/node.js',
  '@authing-edge/legacy/dist/index.js',
]

/**
 * The matrix runs its node24 leg, vitest and the emulator on the Node that runs it.
 *
 * @returns {string[]} problems; empty when this is Node 24
 */
export function checkNode24() {
  const major = Number(process.versions.node.split('.')[0])
  return major === 24
    ? []
    : [
        `run-matrix.mjs must run on Node 24 (found ${process.version}); put .toolchain first on PATH`,
      ]
}

/**
 * @param {string} packageDir - tests/conformance
 * @returns {Promise<string[]>} one problem per missing build output
 */
export async function checkBuilt(packageDir) {
  /** @type {string[]} */
  const problems = []
  for (const entry of BUILT_ENTRIES) {
    try {
      await access(join(packageDir, 'node_modules', entry))
    } catch {
      problems.push(`${entry} is missing: build the packages first (pnpm build)`)
    }
  }
  // The CLI every leg's emulator is spawned from, where the spawn will look for it.
  try {
    await access(await cliPath(packageDir))
  } catch {
    problems.push(
      'the emulator CLI (its authing-emulator bin) is missing: build the packages first (pnpm build)',
    )
  }
  return problems
}
