// Events that arrive while the app is still being composed (a second launch, the monitor's notes about a
// damaged store) are held here, in order, and handed to their handler once everything it touches exists.
// Plain TypeScript (no `electron` import); it decides nothing about the events themselves.

export class HeldEvents<T> {
  private handler: ((event: T) => void) | null = null;
  private released = false;
  private readonly held: T[] = [];

  /** Handles the event now if the handler is in place, otherwise keeps it for `release`. */
  deliver(event: T): void {
    if (this.handler) this.handler(event);
    else this.held.push(event);
  }

  /**
   * Hands the handler what was held, oldest first (an event delivered meanwhile queues behind them), then
   * puts it in place: later events go straight to it.
   */
  release(handler: (event: T) => void): void {
    if (this.released) throw new Error('HeldEvents: released twice');
    this.released = true;
    while (this.held.length > 0) handler(this.held.shift() as T);
    this.handler = handler;
  }

  /** How many events wait for `release`. */
  get waiting(): number {
    return this.held.length;
  }
}
