import type { Summary } from '../stats/summary.ts'

/**
 * A number with a fixed count of significant-looking decimals: 3 below 10, 2 below 100, 1 below
 * 1000, none above.
 *
 * @param value - any finite number
 * @returns e.g. `1.234`, `12.35`, `123.5`, `1235`
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const magnitude = Math.abs(value)
  const digits = magnitude < 10 ? 3 : magnitude < 100 ? 2 : magnitude < 1000 ? 1 : 0
  return value.toFixed(digits)
}

/**
 * A rate in millions or thousands per second.
 *
 * @param perSecond - events per second
 * @returns e.g. `12.3 M/s`, `45.6 k/s`, `789 /s`
 */
export function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${num(perSecond / 1e6)} M/s`
  if (perSecond >= 1e3) return `${num(perSecond / 1e3)} k/s`
  return `${num(perSecond)} /s`
}

/**
 * A byte count with its decimal-kilobyte equivalent.
 *
 * @param bytes - a size
 * @returns e.g. `11 234 B (11.2 kB)`
 */
export function bytes(bytes: number): string {
  const grouped = String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')
  return `${grouped} B (${(bytes / 1000).toFixed(1)} kB)`
}

/**
 * A ratio as a multiplier.
 *
 * @param value - a ratio
 * @returns e.g. `1.043x`
 */
export function times(value: number): string {
  return `${value.toFixed(value < 10 ? 3 : 1)}x`
}

/**
 * The spread of a summary: quartiles and MAD, formatted with `unit`.
 *
 * @param s - the summary
 * @param format - how to print one value
 * @returns e.g. `p25 1.20 / p75 1.31, MAD 0.05`
 */
export function spread(s: Summary, format: (value: number) => string = num): string {
  return `p25 ${format(s.p25)} / p75 ${format(s.p75)}, MAD ${format(s.mad)}`
}

/**
 * A Markdown table with padded, aligned columns (the layout Biome's Markdown formatter keeps).
 *
 * @param header - column titles
 * @param rows - cells, one array per row
 * @returns the table, one line per row
 */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const clean = (cell: string) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ')
  const cells = [header, ...rows].map((row) => header.map((_, i) => clean(row[i] ?? '')))
  const width = (text: string) => [...text].length
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => width(row[i] ?? ''))))
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join(' | ')} |`
  const [head = [], ...body] = cells
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')
}
