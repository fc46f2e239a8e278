/**
 * The test runner sends a failed assertion's `actual` and `expected` to the terminal through a
 * stringifier that walks every enumerable property. Given a DOM node it walks the whole document
 * graph and never returns, so one failing `expect(element).to.equal(other)` would hang the run
 * until its global timeout instead of reporting. Nodes are replaced by a short description first.
 */
const describeNode = (node: Node): string =>
  node instanceof Element ? `<${node.localName}${node.id ? ` id="${node.id}"` : ''}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}>` : node.nodeName;

function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    return JSON.parse(JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Node ? describeNode(inner) : inner)) ?? 'null');
  } catch {
    return String(value);
  }
}

export function makeReportable(error: unknown): void {
  if (!error || typeof error !== 'object') return;
  const failure = error as { actual?: unknown; expected?: unknown };
  if ('actual' in failure) failure.actual = plain(failure.actual);
  if ('expected' in failure) failure.expected = plain(failure.expected);
}

interface MochaLike {
  suite: { afterEach(hook: (this: { currentTest?: { err?: unknown } }) => void): void };
}

(window as unknown as { mocha: MochaLike }).mocha.suite.afterEach(function () {
  makeReportable(this.currentTest?.err);
});
