import { mkdir, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Where the harness keeps its scratch files: `bench/.tmp` (git-ignored). Wrangler resolves the
 * workspace packages from here, which it does not from the system temp directory.
 */
export const BENCH_TMP = new URL('../.tmp/', import.meta.url).pathname

/**
 * Makes a fresh scratch directory under {@link BENCH_TMP}; the caller removes it.
 *
 * @param prefix - the directory name's prefix
 * @returns its absolute path
 */
export async function makeTempDir(prefix: string): Promise<string> {
  await mkdir(BENCH_TMP, { recursive: true })
  return mkdtemp(join(BENCH_TMP, prefix))
}
