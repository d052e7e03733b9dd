import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/display.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Tests spawn CLIs and browsers; two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
