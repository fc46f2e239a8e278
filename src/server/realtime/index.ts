export { RealtimeHub, type EventListener, type Unsubscribe } from './hub.js';
export { createRealtime, type Realtime, type RealtimeOptions, type Replay } from './realtime.js';
export { keepListening, type ListenerOptions, type Listening } from './listener.js';
export { JournalPump } from './pump.js';
