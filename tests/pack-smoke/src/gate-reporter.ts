import { basename } from 'node:path'
import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints one PASS/FAIL line per release gate (one test file in `src/gates/` per gate) after the
 * run, with the names of the failed checks, so a release manager sees at a glance what blocks a
 * release. Unit tests of the tooling itself are left out of the summary.
 */
export default class GateReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines = ['', 'release gates:']
    let failedGates = 0
    const gates = testModules.filter((testModule) => testModule.moduleId.includes('/gates/'))
    for (const testModule of gates.sort((a, b) => a.moduleId.localeCompare(b.moduleId))) {
      const gate = basename(testModule.moduleId).replace(/\.test\.ts$/, '')
      const tests = [...testModule.children.allTests()]
      const failed = tests.filter((test) => test.result().state === 'failed')
      const passed = tests.filter((test) => test.result().state === 'passed')
      const ok = testModule.ok() && failed.length === 0 && passed.length > 0
      if (!ok) failedGates++
      lines.push(
        `  ${ok ? 'PASS' : 'FAIL'}  ${gate.padEnd(16)} ${passed.length}/${tests.length} checks passed`,
      )
      for (const test of failed) lines.push(`          x ${test.fullName}`)
      if (tests.length === 0) lines.push('          x the file failed before any check ran')
    }
    lines.push(failedGates === 0 ? 'all release gates pass' : `${failedGates} release gate(s) fail`)
    console.log(lines.join('\n'))
  }
}
