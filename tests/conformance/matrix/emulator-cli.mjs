// @ts-check
// Where the emulator's CLI is, read from its package's bin: used to spawn it (emulator.mjs) and
// to check it was built (preflight.mjs). No import of the emulator itself, which may be unbuilt.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * @param {string} packageDir - tests/conformance
 * @returns {Promise<string>} the path of the emulator's CLI script
 */
export async function cliPath(packageDir) {
  const manifest = join(packageDir, 'node_modules', '@authing-edge', 'emulator', 'package.json')
  /** @type {unknown} */
  const parsed = JSON.parse(await readFile(manifest, 'utf8'))
  const bin = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'bin') : undefined
  const script =
    typeof bin === 'object' && bin !== null ? Reflect.get(bin, 'authing-emulator') : bin
  if (typeof script !== 'string') throw new Error(`${manifest} declares no authing-emulator bin`)
  return join(dirname(manifest), script)
}
