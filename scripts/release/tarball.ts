import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'

/** One regular file inside a packed npm tarball. */
export interface TarballEntry {
  /** Path inside the package, without npm's leading `package/` folder. */
  readonly path: string
  /** Size of the file in bytes, uncompressed. */
  readonly size: number
  /** The file's bytes. */
  readonly content: Uint8Array
}

const BLOCK = 512
const decoder = new TextDecoder()

function readString(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return decoder.decode(end === -1 ? field : field.subarray(0, end))
}

function readOctal(block: Uint8Array, offset: number, length: number): number {
  const text = readString(block, offset, length).trim()
  const value = Number.parseInt(text === '' ? '0' : text, 8)
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`tarball: bad octal field "${text}" at header offset ${offset}`)
  }
  return value
}

/** Reads the `path=` record of a pax extended header, if there is one. */
function paxPath(data: Uint8Array): string | undefined {
  for (const record of decoder.decode(data).split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record)
    if (match?.[1] !== undefined) return match[1]
  }
  return undefined
}

/** Removes the top folder npm and pnpm put every file under (`package/`). */
function stripTopFolder(path: string): string {
  const slash = path.indexOf('/')
  return slash === -1 ? path : path.slice(slash + 1)
}

/**
 * Lists the regular files of a gzipped tar archive as npm and pnpm write them (ustar, with pax or
 * GNU long names). Small on purpose: packed packages are a few hundred kilobytes at most.
 *
 * @param bytes - the `.tgz` file's bytes
 * @returns the files in archive order
 */
export function parseTarball(bytes: Uint8Array): TarballEntry[] {
  const tar = gunzipSync(bytes)
  const entries: TarballEntry[] = []
  let offset = 0
  let longPath: string | undefined
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK)
    if (header.every((byte) => byte === 0)) break
    const size = readOctal(header, 124, 12)
    const type = String.fromCharCode(header[156] ?? 0)
    const dataStart = offset + BLOCK
    const data = tar.subarray(dataStart, dataStart + size)
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x') {
      longPath = paxPath(data) ?? longPath
      continue
    }
    if (type === 'L') {
      longPath = readString(data, 0, data.length)
      continue
    }
    const prefix = readString(header, 345, 155)
    const name = readString(header, 0, 100)
    const path = longPath ?? (prefix === '' ? name : `${prefix}/${name}`)
    longPath = undefined
    if (type === '0' || type === '\0') {
      entries.push({ path: stripTopFolder(path), size, content: data.slice() })
    }
  }
  return entries
}

/**
 * Reads a `.tgz` from disk and lists its files (see {@link parseTarball}).
 *
 * @param file - path of the tarball
 * @returns the files in archive order
 */
export async function readTarball(file: string): Promise<TarballEntry[]> {
  return parseTarball(await readFile(file))
}
