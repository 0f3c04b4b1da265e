// A command-line script run as its own process without blocking this one (which may serve the simulator the child
// talks to): its exit status, its output, and the JSON lines it printed.

import { spawn } from 'node:child_process';

export interface RunnerResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Every stdout line that is a JSON object, parsed. */
  lines: Array<Record<string, unknown>>;
}

/** `command`: node's arguments before the script's own (a bundled script, see bundled-script.ts). */
export function runProcess(command: readonly string[], args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunnerResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => {
      const lines = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ status, stdout, stderr, lines });
    });
  });
}
