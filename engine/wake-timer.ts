// Runs the monitor on real timers: one timeout set for the engine's next wake, scaled by a speed (engine-clock
// milliseconds per real millisecond), and wakes that never overlap. Knows nothing of what a wake does.

export interface WakeHost {
  /** When the engine next wants to act (epoch ms on its clock), or null when it waits for a command. */
  nextWakeAt(): number | null;
  /** The engine's clock (epoch ms). */
  now(): number;
  /** Does what is due now. */
  wakeOnce(): Promise<void>;
  /** A wake on the timer threw. */
  failed(error: unknown): void;
}

export class WakeTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: { speed: number } | null = null;
  private busy: Promise<void> | null = null;

  constructor(private readonly host: WakeHost) {}

  /** Does what is due now, once at a time: a wake asked during another joins it. */
  async wake(): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = this.host.wakeOnce().finally(() => {
      this.busy = null;
    });
    return this.busy;
  }

  /** Runs on real timers: `speed` is engine-clock milliseconds per real millisecond (1, or a simulator's speed). */
  start(speed: number): void {
    this.running = { speed };
    this.reschedule();
  }

  stop(): void {
    this.running = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Sets the timer for the next wake again (nothing while stopped). */
  reschedule(): void {
    if (!this.running) return;
    // First: nextWakeAt may bring stored times back and so reschedule itself; the timer set last is the one kept.
    const at = this.host.nextWakeAt();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (at === null) return;
    const delay = Math.max(0, Math.min(2 ** 31 - 1, (at - this.host.now()) / this.running.speed));
    this.timer = setTimeout(() => {
      this.wake()
        .catch((error: unknown) => this.host.failed(error))
        .finally(() => this.reschedule());
    }, delay);
  }
}
