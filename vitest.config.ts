import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    // Names the folder of the run's one real OpenSearch node (started on first use) and stops it;
    // rebuilds the compiled CLI (dist/cli) that tests starting bin/klaxon.js run, if a source changed.
    globalSetup: ['test/support/opensearch-global-setup.ts', 'test/support/build-cli-global-setup.ts'],
  },
});
