// Prints the plain closing line CI reads ('N passed, N failed, N skipped') and, when
// FIELDTUNE_COUNTS_FILE is set, writes the counts there so scripts/run-tests.mjs can sum every suite.
// A file that fails to load (no test ran) counts as one failure, so a broken import can never look green.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const mod of testModules) {
      let seen = 0;
      for (const test of mod.children.allTests()) {
        seen += 1;
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (mod.state() === 'failed' && seen === 0) failed += 1;
      else if (mod.errors().length > 0) failed += mod.errors().length;
    }
    const file = process.env['FIELDTUNE_COUNTS_FILE'];
    if (file) writeFileSync(file, JSON.stringify({ suite: 'unit', passed, failed, skipped }));
    else console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
