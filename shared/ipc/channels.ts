// The dashboard API's method -> IPC channel names, as plain data: what a client needs at run time to call
// main without bundling zod. The contract (contract.ts) checks at compile time that this map matches it.

import type { ApiMethod, ChannelOf, EventChannel } from './contract';

export const API_CHANNELS = {
  getState: 'state:get',
  setCases: 'cases:set',
  signIn: 'session:sign-in',
  signOut: 'session:sign-out',
  checkNow: 'check:now',
  pause: 'schedule:pause',
  updateSettings: 'settings:update',
  markSeen: 'findings:mark-seen',
  exportData: 'data:export',
  eraseEverything: 'data:erase',
  openExternal: 'external:open',
} as const satisfies { [M in ApiMethod]: ChannelOf<M> };

export const STATE_CHANGED_EVENT = 'state:changed' satisfies EventChannel;
