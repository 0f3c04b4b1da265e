// Runs before every test file of the `unit` project. That project shares one worker process between its files (no
// new process per file: most of the cost of a small test file), so each file starts here as it would in a new one:
// its own copies of the source modules (and so of vi.mock's doubles and the helpers' afterEach hooks), real timers,
// no stubbed globals or environment variables left by the file before. Test support only.

import { vi } from 'vitest';

vi.useRealTimers();
vi.unstubAllGlobals();
vi.unstubAllEnvs();
vi.restoreAllMocks();
vi.resetModules();
