// The simulator's clock: real time scaled by a speed factor, plus manual jumps, so tests and the
// demo can fast-forward a 90-day renewal. It never sleeps and never reads time any other way.

export interface SimClockOptions {
  /** Simulated epoch milliseconds at creation; default: the real time. */
  start?: number;
  /** Simulated milliseconds per real millisecond; 0 freezes time (tests), 3600 makes an hour a second. */
  speed?: number;
  /** Source of real time; tests may pass their own. */
  realNow?: () => number;
}

export class SimClock {
  private anchorSim: number;
  private anchorReal: number;
  private currentSpeed: number;
  private readonly realNow: () => number;

  constructor(options: SimClockOptions = {}) {
    this.realNow = options.realNow ?? Date.now;
    this.anchorReal = this.realNow();
    this.anchorSim = options.start ?? this.anchorReal;
    this.currentSpeed = checkSpeed(options.speed ?? 1);
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return Math.floor(this.anchorSim + (this.realNow() - this.anchorReal) * this.currentSpeed);
  }

  get speed(): number {
    return this.currentSpeed;
  }

  /** Jumps simulated time forward (never backward: the service's history only grows). */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance needs a non-negative number of milliseconds, got ${ms}`);
    this.rebase();
    this.anchorSim += ms;
    return this.now();
  }

  /** Moves simulated time to an absolute instant, if it is not in the past. */
  setTime(epochMs: number): number {
    const now = this.now();
    if (!Number.isFinite(epochMs) || epochMs < now) throw new RangeError('the simulated clock cannot go backward');
    return this.advance(epochMs - now);
  }

  setSpeed(speed: number): void {
    this.rebase();
    this.currentSpeed = checkSpeed(speed);
  }

  private rebase(): void {
    this.anchorSim = this.now();
    this.anchorReal = this.realNow();
  }
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < 0 || speed > 1_000_000) {
    throw new RangeError(`speed must be between 0 and 1000000, got ${speed}`);
  }
  return speed;
}
