/**
 * Formats a byte count the way npm prints sizes (decimal kilobytes).
 *
 * @param bytes - a non-negative byte count
 * @returns e.g. `812 B`, `4.3 kB`, `1.20 MB`
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(2)} MB`
}
