import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/lib/**/*.test.ts', 'tests/integrations/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The Preact islands rendered in happy-dom (no build, no browser).
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: './tests/components/support/happy-dom-node.ts',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Serves the already built dist/ (npm test builds first) on a free loopback port.
          globalSetup: ['tests/e2e/support/serve-dist.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time fits a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
