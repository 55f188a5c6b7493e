import { describe, expect, test } from 'vitest'
import { checkTargets } from './check-targets.ts'
import { renderMarkdown } from './render-markdown.ts'
import { sampleResults } from './sample-results.ts'

/** A table row with these cells, whatever the padding. */
const row = (...cells: string[]) =>
  new RegExp(
    `^\\|${cells.map((c) => ` ${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|`).join('')}$`,
    'm',
  )

describe('renderMarkdown', () => {
  const partial = sampleResults({ ours: 300, fetch: 150, official: 200 })
  const markdown = renderMarkdown({ ...partial, targets: checkTargets(partial, 'esbuild') })

  test('names the machine', () => {
    expect(markdown).toMatch(row('Test CPU', '2', '4 GiB', 'linux', 'v24.21.0', '0.500 / 0.750'))
  })

  test('shows each target with its verdict', () => {
    expect(markdown).toMatch(
      row(
        'uncached call ≤ 1.100x bare fetch (medians)',
        '2.000x (300.0 µs vs 150.0 µs)',
        '**missed**',
      ),
    )
    expect(markdown).toMatch(row('cache hits ≥ 5.000 M/s on Node', '8.000 M/s', 'met'))
  })

  test('prints medians, spread and ratios of the overhead comparison', () => {
    expect(markdown).toMatch(
      row('@authing-edge/core', '300.0', 'p25 300.0 / p75 300.0, MAD 0.000', '300.0 – 300.0'),
    )
    expect(markdown).toMatch(
      row('@authing-edge/core / bare fetch', '2.000x', '2.000x', '2.000x – 2.000x'),
    )
  })

  test('prints start-up medians next to the least disturbed sample', () => {
    expect(markdown).toMatch(
      row(
        '@authing-edge/core',
        '40.00',
        '30.00',
        'p25 35.00 / p75 45.00, MAD 10.00',
        '90.00',
        '90.00',
      ),
    )
    expect(markdown).toMatch(
      row('client entry', '12.00', '10.00', 'p25 11.00 / p75 13.00, MAD 2.000'),
    )
    expect(markdown).toMatch(
      row('official SDK entry', '—', '—', '**fails**: No such module "node:https"', '—', '—'),
    )
  })

  test('prints the error of a bundle that did not build', () => {
    expect(markdown).toContain('**fails**: Could not resolve "https"')
  })
})
