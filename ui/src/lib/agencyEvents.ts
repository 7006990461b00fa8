// The sender's news (a case it moved on, the sender itself), pushed by Rust through one channel
// while any screen listens: screens redraw when told, never on a timer.

import { Channel } from '@tauri-apps/api/core';
import type { AgencyEvent } from '../bindings/AgencyEvent';
import { watchEvents } from './ipc';

const listeners = new Set<(event: AgencyEvent) => void>();
let channel: Channel<AgencyEvent> | null = null;

/** Calls `listener` with every event from now until the returned function is called. */
export function onAgencyEvent(listener: (event: AgencyEvent) => void): () => void {
  listeners.add(listener);
  if (!channel) {
    const opened = new Channel<AgencyEvent>((event) => {
      if (channel !== opened) return;
      for (const l of [...listeners]) l(event);
    });
    channel = opened;
    // Nothing to redraw from if Rust cannot be told (the screen still works, unrefreshed).
    watchEvents(opened).catch(() => {});
  }
  return () => {
    listeners.delete(listener);
    // The next listener opens a new channel (Rust forwards to the newest only).
    if (listeners.size === 0) channel = null;
  };
}
