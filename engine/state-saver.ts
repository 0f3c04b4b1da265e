// Throttled saving of the monitor's state: at once when anything but the check times changed; those alone
// reach the disk at most every SCHEDULE_WRITE_EVERY_MS (and on a flush), so an ordinary poll writes nothing.
// Each save failure's cause is reported once, however often it repeats. Decides nothing about the state itself.

import { saveProblemMessage, type SaveProblem } from '../shared/monitor/save-problem';
import type { AppState } from '../shared/monitor/state';
import type { EmitEvent } from './monitor-contract';
import type { Clock, StatePort } from './ports';

/** Schedule-only changes (next check times) reach the disk at most this often; everything else at once. */
export const SCHEDULE_WRITE_EVERY_MS = 15 * 60_000;

/** The state without the parts that move on every check (the next-check times, and each case's last good read). */
function coreOf(state: AppState): string {
  const { schedule: s, cases, ...rest } = state;
  return JSON.stringify({ ...rest, cases: cases.map(({ readAt: _readAt, ...watched }) => watched), backoff: s.backoff, pausedUntil: s.pausedUntil });
}

export class StateSaver {
  private lastWrittenCore: string;
  private lastWriteAt: number;
  /** The save failure already reported: each cause is told once, however often it repeats. */
  private reportedSaveCause: SaveProblem['cause'] | null = null;

  /** `stored`: the state as it was read from the store (so it is not written again at once). */
  constructor(
    private readonly store: StatePort,
    private readonly clock: Clock,
    private readonly emit: EmitEvent,
    stored: AppState,
  ) {
    this.lastWrittenCore = coreOf(stored);
    this.lastWriteAt = clock.now();
  }

  /** The store was erased and the state started over as `state`: nothing of it needs writing yet. */
  startedOver(state: AppState): void {
    this.lastWrittenCore = coreOf(state);
  }

  /** Writes the state when it is due (always with `flush`). */
  save(state: AppState, flush = false): void {
    const now = this.clock.now();
    const core = coreOf(state);
    if (!flush && core === this.lastWrittenCore && now - this.lastWriteAt < SCHEDULE_WRITE_EVERY_MS) return;
    let saved: boolean;
    try {
      saved = this.store.write(state);
    } catch (error) {
      // Only a state that is not valid throws: a mistake here, reported as such and tried again on the next change.
      this.emit({ kind: 'error', message: `Could not save: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const problem = this.store.saveProblem();
    if (saved) {
      this.lastWrittenCore = core;
      this.lastWriteAt = now;
      // Saved, but its backup copy could not be updated: told once too, until a save updates it again.
      if (problem?.cause === 'backup-failed') this.report(problem);
      else this.reportedSaveCause = null;
      return;
    }
    // Not saved: the file keeps what it had, the state stays here, and the next change or check tries again.
    if (problem) this.report(problem);
  }

  /** Each cause told once, however often it repeats. */
  private report(problem: SaveProblem): void {
    if (problem.cause !== this.reportedSaveCause) {
      this.reportedSaveCause = problem.cause;
      this.emit({ kind: 'error', message: saveProblemMessage(problem.cause).en, saveProblem: problem.cause });
    }
  }
}
