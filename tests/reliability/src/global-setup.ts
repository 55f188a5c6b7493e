// Gives the run an id that every suite tags its figures with, and after every suite has run
// turns this run's figures into REPORT.md. A partial run (one file, a filter) leaves the
// committed report alone.
import { writeFile } from 'node:fs/promises'
import type { TestProject } from 'vitest/node'
import { renderReport } from './report/render-report.ts'
import { REPORT_PATH, readFragment } from './support/results.ts'

/**
 * Vitest global setup: tags the run and returns the teardown that writes REPORT.md.
 *
 * @param project - the vitest project, to provide the run id to the suites
 * @returns the teardown
 */
export default function setup(project: TestProject): () => Promise<void> {
  const runId = `${Date.now()}-${process.pid}`
  project.provide('reliabilityRunId', runId)
  return async () => {
    const [matrix, soak, workerChecks] = await Promise.all([
      readFragment('fault-matrix', runId),
      readFragment('soak', runId),
      readFragment('worker-checks', runId),
    ])
    if (matrix === undefined || soak === undefined || workerChecks === undefined) {
      console.log('reliability: partial run, REPORT.md left as it was')
      return
    }
    await writeFile(
      REPORT_PATH,
      renderReport({ generatedAt: new Date(), matrix, soak, workerChecks }),
    )
    console.log(`reliability: wrote ${REPORT_PATH}`)
  }
}
