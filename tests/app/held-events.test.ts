// Events that arrive during start-up wait for the handler, in order, and none is lost or handled twice.

import { describe, expect, it } from 'vitest';
import { HeldEvents } from '../../app/held-events';

describe('HeldEvents', () => {
  it('holds what arrives before release and hands it over in order, then passes later events straight on', () => {
    const events = new HeldEvents<string>();
    events.deliver('second launch');
    events.deliver('stored data damaged');
    expect(events.waiting).toBe(2);
    const handled: string[] = [];
    events.release((event) => handled.push(event));
    expect(handled).toEqual(['second launch', 'stored data damaged']);
    expect(events.waiting).toBe(0);
    events.deliver('check');
    expect(handled).toEqual(['second launch', 'stored data damaged', 'check']);
  });

  it('calls the handler only from release on: nothing it touches is needed before', () => {
    const events = new HeldEvents<number>();
    let composed = false;
    const seenComposed: boolean[] = [];
    events.deliver(1);
    composed = true;
    events.release(() => seenComposed.push(composed));
    expect(seenComposed).toEqual([true]);
  });

  it('queues an event delivered while the held ones are handed over behind them', () => {
    const events = new HeldEvents<string>();
    events.deliver('a');
    events.deliver('b');
    const handled: string[] = [];
    events.release((event) => {
      handled.push(event);
      if (event === 'a') events.deliver('from a');
    });
    expect(handled).toEqual(['a', 'b', 'from a']);
  });

  it('refuses a second handler', () => {
    const events = new HeldEvents<void>();
    events.release(() => undefined);
    expect(() => events.release(() => undefined)).toThrow(/released twice/);
  });
});
