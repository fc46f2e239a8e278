/**
 * A Server-Sent Events parser following the WHATWG HTML "event stream interpretation" rules, fed
 * with decoded text in chunks of any size (a line, or even a CR LF pair, may be split across
 * chunks). Decode bytes with `new TextDecoder()` and `{ stream: true }`: it drops the leading BOM
 * the spec asks to ignore.
 */

export interface SseMessage {
  /** The `event:` field; `message` when the message named none. */
  type: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last event id when the message was dispatched (ids persist until the next `id:`). */
  lastEventId: string;
}

export interface SseHandlers {
  onMessage(message: SseMessage): void;
  /** A valid `retry:` field: the reconnection time the server asks for, in ms. */
  onRetry?(ms: number): void;
  /** A comment line (`: heartbeat`), without the colon. */
  onComment?(text: string): void;
}

const DIGITS = /^[0-9]+$/;

export class SseParser {
  #buffer = '';
  /** A CR ended the last chunk: an LF opening the next one belongs to the same line ending. */
  #pendingCr = false;
  #data: string[] = [];
  #type = '';
  #lastEventId = '';

  constructor(private readonly handlers: SseHandlers) {}

  /** The last event id seen, dispatched or not: what a reconnect sends as `Last-Event-ID`. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  feed(text: string): void {
    if (text === '') return;
    if (this.#pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.#pendingCr = false;
    this.#buffer += text;
    let start = 0;
    for (;;) {
      const cr = this.#buffer.indexOf('\r', start);
      const lf = this.#buffer.indexOf('\n', start);
      if (cr < 0 && lf < 0) break;
      const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      const line = this.#buffer.slice(start, end);
      if (this.#buffer[end] === '\r') {
        if (end + 1 === this.#buffer.length) {
          this.#pendingCr = true;
          start = end + 1;
        } else {
          start = this.#buffer[end + 1] === '\n' ? end + 2 : end + 1;
        }
      } else {
        start = end + 1;
      }
      this.#line(line);
    }
    this.#buffer = this.#buffer.slice(start);
  }

  /** The stream ended: a message without its closing blank line is discarded, as the spec says. */
  end(): void {
    this.#buffer = '';
    this.#pendingCr = false;
    this.#data = [];
    this.#type = '';
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.handlers.onComment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\u0000')) this.#lastEventId = value;
        break;
      case 'retry':
        if (DIGITS.test(value)) this.handlers.onRetry?.(Number.parseInt(value, 10));
        break;
      default:
        // Unknown fields are ignored.
        break;
    }
  }

  #dispatch(): void {
    const data = this.#data;
    const type = this.#type;
    this.#data = [];
    this.#type = '';
    if (data.length === 0) return;
    this.handlers.onMessage({ type: type === '' ? 'message' : type, data: data.join('\n'), lastEventId: this.#lastEventId });
  }
}
