// A table of sign-in sessions (or tokens) with an idle timeout and an absolute lifetime, on an
// injected clock. It only keeps time; which cookie or page a session belongs to is the caller's business.

import { randomToken } from './http-kit';

export interface Lifetimes {
  /** Ends the entry when it has not been used for this long. */
  idleMs: number;
  /** Ends the entry this long after it was created, however busy. */
  lifetimeMs: number;
}

interface Entry<T> {
  value: T;
  createdAt: number;
  lastSeen: number;
}

export class ExpiringTable<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly now: () => number,
    private readonly lifetimes: () => Lifetimes,
  ) {}

  create(value: T): string {
    if (this.entries.size % 256 === 255) this.sweep();
    const token = randomToken();
    const now = this.now();
    this.entries.set(token, { value, createdAt: now, lastSeen: now });
    return token;
  }

  /** The live entry for a token, marking it used (`touch`), or undefined when missing or expired. */
  get(token: string | undefined, touch = true): T | undefined {
    if (!token) return undefined;
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = this.now();
    const { idleMs, lifetimeMs } = this.lifetimes();
    if (now - entry.lastSeen > idleMs || now - entry.createdAt > lifetimeMs) {
      this.entries.delete(token);
      return undefined;
    }
    if (touch) entry.lastSeen = now;
    return entry.value;
  }

  /** Forgets every expired entry (entries are otherwise dropped only when looked up). */
  sweep(): void {
    for (const [token] of this.entries) this.get(token, false);
  }

  delete(token: string | undefined): void {
    if (token) this.entries.delete(token);
  }

  deleteWhere(predicate: (value: T) => boolean): void {
    for (const [token, entry] of this.entries) if (predicate(entry.value)) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
