import type { PublicPackage } from '../../../scripts/release/workspace.ts'

/**
 * A public package as the gates see it: where it lives, its manifest, and the tarball `pnpm pack`
 * made of it.
 */
export interface PackedPackageInfo extends PublicPackage {
  /** The `.tgz` packed from it (workspace ranges replaced, as `pnpm publish` uploads it). */
  readonly tarball: string
  /** `exports` subpaths without `./package.json`, e.g. `['.', './node']`. */
  readonly entryPoints: readonly string[]
}

/** The scratch project, outside the workspace, into which npm installed the tarballs. */
export interface ConsumerProject {
  readonly dir: string
  /** `node --version` of the Node that ran npm (the project's, first on PATH). */
  readonly nodeVersion: string
  readonly npmVersion: string
}

/** What the global setup hands every gate (see `global-setup.ts`). */
export interface PackSmokeContext {
  /** Repository root. */
  readonly root: string
  /** Temporary folder holding the tarballs and the consumer project; removed after the run. */
  readonly workDir: string
  readonly packages: readonly PackedPackageInfo[]
  /** The installed consumer project, or why it could not be installed. */
  readonly consumer: ConsumerProject | { readonly error: string }
}

declare module 'vitest' {
  export interface ProvidedContext {
    packSmoke: PackSmokeContext
  }
}
