/**
 * The npm package a file belongs to, from the last `node_modules/` in its path:
 * `…/node_modules/.pnpm/x/node_modules/@scope/name/dist/a.js` → `@scope/name`.
 *
 * @param path - a file path or URL
 * @returns the package name, or `undefined` outside `node_modules`
 */
export function packageInNodeModules(path: string): string | undefined {
  const marker = 'node_modules/'
  const at = path.lastIndexOf(marker)
  if (at === -1) return undefined
  const parts = path.slice(at + marker.length).split('/')
  return (parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}
