import type { Slice } from './database.js';
import { randomId } from './ids.js';
import type { MemoryInstance } from './instance.js';

/**
 * The device of a namespace, for polls with `device` integrity: a random id made on the first
 * ballot that needs it and kept with the namespace's data (in localStorage with `persist`).
 *
 * Every instance of a namespace is therefore the same device, as every tab of one browser is
 * for a site that keeps a device cookie: anonymous visitors and guests of one namespace share one
 * ballot per poll, and signing out of a guest session does not give the device a second one.
 * Without `persist` the device lasts as long as the namespace's data does; with it, as long as
 * the stored data.
 */
interface DeviceState {
  id: string | null;
}

export const deviceSlice: Slice<DeviceState> = {
  key: 'device',
  initial: () => ({ id: null }),
  revive: (stored) => {
    const id = (stored as Partial<DeviceState> | null)?.id;
    return id === null || typeof id === 'string' ? { id } : undefined;
  },
};

/** The device's id, or `null` when it has not needed one yet (it has cast no device ballot). */
export function knownDevice(instance: MemoryInstance): string | null {
  return instance.db.read(deviceSlice).id;
}

/** The device's id, made and stored on first use. */
export function device(instance: MemoryInstance): string {
  const known = knownDevice(instance);
  if (known !== null) return known;
  return instance.db.update(deviceSlice, (state) => {
    state.id ??= randomId('device');
  }).id!;
}
