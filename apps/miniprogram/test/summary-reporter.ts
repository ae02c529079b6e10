import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the run's counts as one `Tests: N failed, N passed, N total` line, the form the CI
 * script (.ci/run) adds up across jest and vitest.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // a file that failed to load ran no test but is a failure all the same
      if (module.state() === 'failed' && ![...module.children.allTests()].some((t) => t.result().state === 'failed')) failed += 1;
    }
    process.stdout.write(`Tests: ${failed} failed, ${skipped} skipped, ${passed} passed, ${passed + failed + skipped} total\n`);
  }
}
