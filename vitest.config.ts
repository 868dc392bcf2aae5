import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and Chromium: generous, but a hang still fails.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
