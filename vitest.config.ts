import { defineConfig } from 'vitest/config'

// Three rungs of the test ladder (house-style.md): unit (no I/O), integration (a real database on each
// engine), and browser journeys. The integration project runs once per engine; scripts/test.js decides
// which engines are available and fails under CI=true when one is missing.
const blueskyTests = ['src/connectors/bluesky/**/*.int.test.ts']
const engines = (process.env.WARTA_TEST_ENGINES ?? 'pglite').split(',').filter(Boolean)

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: './web/vite.config.ts',
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
      ...engines.map((engine) => ({
        test: {
          name: `int-${engine}`,
          include: ['src/**/*.int.test.ts', 'tests/int/**/*.int.test.ts'],
          exclude: [...blueskyTests, 'node_modules/**'],
          environment: 'node',
          env: { WARTA_TEST_ENGINE: engine },
          globalSetup: ['./tests/support/global-setup.ts'],
          // One shared database per engine and worker: files run one after another in one module graph so
          // PGlite's initdb (4-7 s) happens once. Each test makes its own instansi, so nothing needs cleaning.
          isolate: false,
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        // The Bluesky connector against a local AT Protocol network (a sidecar process, tests/bluesky-network):
        // no Warta database, so it runs once rather than per engine; scripts/test.js adds it when PostgreSQL's
        // initdb is on the machine (the network's AppView needs a throw-away cluster).
        test: {
          name: 'bluesky',
          include: blueskyTests,
          environment: 'node',
          testTimeout: 60_000,
          // The first run installs the network (about 3 minutes), then each file starts it (about 10 s).
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          isolate: false,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
