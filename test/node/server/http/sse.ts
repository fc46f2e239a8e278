/** Reads a Server-Sent Events response message by message, as EventSource would parse it. */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comments: string[];
}

export class SseReader {
  readonly messages: SseMessage[] = [];
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #buffer = '';
  #decoder = new TextDecoder();
  #waiters: (() => void)[] = [];
  ended = false;

  constructor(response: Response) {
    if (!response.body) throw new Error('The response has no body.');
    this.#reader = response.body.getReader();
    void this.#pump();
  }

  async #pump(): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await this.#reader.read();
        if (done) break;
        this.#buffer += this.#decoder.decode(value, { stream: true });
        let end;
        while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
          this.messages.push(parse(this.#buffer.slice(0, end)));
          this.#buffer = this.#buffer.slice(end + 2);
        }
        this.#wake();
      }
    } catch {
      // Cancelled by close().
    }
    this.ended = true;
    this.#wake();
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  /** The first message (from the start) matching `predicate`, waiting up to `timeoutMs`. */
  async find(predicate: (message: SseMessage) => boolean, timeoutMs = 2000, what = 'message'): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (this.ended) throw new Error(`The stream ended without a ${what}: ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No ${what} within ${timeoutMs} ms: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the server ends the stream. */
  async untilEnd(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('The stream did not end.');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Events (the `events` of each data message) in order. */
  events(): { id: string | undefined; topic: string; event: { type: string; [key: string]: unknown } }[] {
    return this.messages.flatMap((message) => {
      if (message.data === undefined || message.event !== undefined) return [];
      const data = JSON.parse(message.data) as { topic: string; events: { type: string }[] };
      return data.events.map((event) => ({ id: message.id, topic: data.topic, event }));
    });
  }

  async close(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}

function parse(block: string): SseMessage {
  const message: SseMessage = { comments: [] };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      message.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'id' || field === 'event' || field === 'retry') message[field] = value;
  }
  if (data.length > 0) message.data = data.join('\n');
  return message;
}
