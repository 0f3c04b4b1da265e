import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The suite in three parts, each a vitest project (`npm run test:unit`, `test:integration`, `test:browser`; `npm test`
 * runs all three). A test file belongs to exactly one (tests/test-projects.test.ts checks it): a folder goes to one
 * project, and a file that differs from its folder is named here and taken out of the folder's project.
 */
export const TEST_PROJECTS = {
  /** Pure and in-process: no child process, no Chromium, no build (a quick in-process simulator on 127.0.0.1 is fine). */
  unit: {
    include: [
      'tests/*.test.ts',
      'tests/shared/**/*.test.ts',
      'tests/engine/**/*.test.ts',
      'tests/renderer/**/*.test.ts',
      'tests/app/**/*.test.ts',
      'tests/electron/**/*.test.ts',
      'tests/simulator/**/*.test.ts',
      'tests/scripts/headless-narration-errors.test.ts',
    ],
    exclude: [
      'tests/engine/monitor-real-captures.test.ts',
      'tests/engine/monitor-scenarios.test.ts',
      'tests/engine/card-to-delivery.test.ts',
      'tests/engine/finished-pace.test.ts',
      'tests/electron/linux-notification.test.ts',
      'tests/electron/main.test.ts',
      'tests/electron/main-published-times.test.ts',
      'tests/simulator/browser-sign-in.test.ts',
    ],
  },
  /**
   * Child processes, builds and real system services (the preview, the command lines, the build, the fault matrix,
   * D-Bus), and the engine telling whole scenarios over HTTP through simulated weeks.
   */
  integration: {
    include: [
      'tests/build/**/*.test.ts',
      'tests/preview/**/*.test.ts',
      'tests/reliability/**/*.test.ts',
      'tests/scripts/**/*.test.ts',
      'tests/smoke/**/*.test.ts',
      'tests/engine/monitor-real-captures.test.ts',
      'tests/engine/monitor-scenarios.test.ts',
      // The card followed from "mailed" to "delivered" over HTTP through simulated days.
      'tests/engine/card-to-delivery.test.ts',
      // The pace after the card is delivered or both cases ended, measured over HTTP through simulated days.
      'tests/engine/finished-pace.test.ts',
      'tests/electron/linux-notification.test.ts',
      // The composition root booted on the Electron double: the demo's simulator, timers and app-wide handlers.
      'tests/electron/main.test.ts',
      'tests/electron/main-published-times.test.ts',
    ],
    exclude: ['tests/scripts/headless-narration-errors.test.ts'],
  },
  /** Debian's Chromium, end to end. */
  browser: {
    include: ['tests/e2e/**/*.test.ts', 'tests/simulator/browser-sign-in.test.ts'],
    exclude: [],
  },
} as const satisfies Record<string, { include: readonly string[]; exclude: readonly string[] }>;

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: Object.entries(TEST_PROJECTS).map(([name, files]) => ({
      extends: true,
      test: {
        name,
        include: [...files.include],
        exclude: [...configDefaults.exclude, ...files.exclude],
        // `unit` runs its files one after another in one worker instead of a new process each (half the time); the
        // setup file gives every file fresh source modules, real timers and no stubs. The others keep a process per file.
        ...(name === 'unit' ? { isolate: false, setupFiles: ['tests/helpers/unit-file-setup.ts'] } : {}),
      },
    })),
  },
});
