import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take minutes (measured: each over 30 s, the three of test/parallel 290 s of
 * 853). Started first, they run beside the many short files instead of alone at the end: a fresh
 * clone has no timings, and vitest would order them by size, where they come late.
 */
const SLOW = [
  'test/parallel/report.test.ts',
  'test/parallel/identical.test.ts',
  'test/parallel/xlsx-identical.test.ts',
  'test/cli/bulletin.test.ts',
  'test/golden/golden.test.ts',
  'test/cli/options.test.ts',
  'test/cli/coverage.test.ts',
  'test/report/loading.test.ts',
  'test/cli/outputs.test.ts',
  'test/cli/bulletin-plain.test.ts',
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOW.length : i;
    };
    return sorted
      .map((f, i) => [f, i] as const)
      .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
      .map(([f]) => f);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-tmpdir.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Most tests wait on the program they spawn (spawnSync): a test file's process idles while
    // the program works. vitest's default, one worker fewer than the cores, ran one file at a
    // time on two cores; as many workers as cores keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowFirst },
  },
});
