import { CAPABILITY_METHODS } from './capabilities.js';
import type { Capability, PleinAdapter } from './contract.js';

export class AdapterDefinitionError extends TypeError {
  override readonly name = 'AdapterDefinitionError';
  constructor(
    message: string,
    /** `capability.method` for every method a declared capability needs but the adapter lacks. */
    readonly missing: string[],
  ) {
    super(message);
  }
}

/**
 * Checks an adapter against its own `supports` declaration and returns it unchanged.
 * Throws an `AdapterDefinitionError` naming every missing method, so an adapter author learns
 * about all gaps at once instead of one runtime failure at a time.
 */
export function defineAdapter<A extends PleinAdapter>(adapter: A): A {
  if (typeof adapter !== 'object' || adapter === null) {
    throw new AdapterDefinitionError('An adapter must be an object.', []);
  }
  const problems: string[] = [];
  if (typeof adapter.name !== 'string' || adapter.name.trim() === '') problems.push('name (a non-empty string)');
  if (typeof adapter.supports !== 'object' || adapter.supports === null) problems.push('supports (an object)');

  const declared = Object.entries(adapter.supports ?? {})
    .filter(([, on]) => on === true)
    .map(([capability]) => capability);
  const unknown = declared.filter((capability) => !(capability in CAPABILITY_METHODS));
  if (unknown.length > 0) problems.push(`supports names unknown capabilities: ${unknown.join(', ')}`);

  const required: Capability[] = ['session', ...(declared.filter((c) => c in CAPABILITY_METHODS) as Capability[])];
  const missing = [...new Set(required)].flatMap((capability) =>
    CAPABILITY_METHODS[capability]
      .filter((method) => typeof (adapter as unknown as Record<string, unknown>)[method] !== 'function')
      .map((method) => `${capability}.${method}`),
  );
  if (missing.length > 0) problems.push(`missing methods: ${missing.join(', ')}`);

  if (problems.length > 0) {
    const name = typeof adapter.name === 'string' && adapter.name ? `"${adapter.name}"` : 'Adapter';
    throw new AdapterDefinitionError(`${name} does not meet the Plein adapter contract: ${problems.join('; ')}.`, missing);
  }
  return adapter;
}
