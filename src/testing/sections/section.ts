import type { Registrar } from '../harness.js';

/** A group of conformance tests, registered inside its own `describe(title)`. */
export interface Section {
  title: string;
  register(suite: Registrar): void;
}
