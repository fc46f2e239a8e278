/** A lock served in arrival order (Kysely's own wakes every waiter at each release). */
export class FifoLock {
  #locked = false;
  readonly #waiters: (() => void)[] = [];

  /** How many are waiting for the lock now. */
  get waiting(): number {
    return this.#waiters.length;
  }

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  /** Hands the lock to the longest waiter, or frees it. */
  unlock(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}
