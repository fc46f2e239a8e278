/**
 * A second process on the same database, for what one process cannot prove: concurrent
 * migrations and rate limits across processes, and durability under kill -9.
 *   node --import tsx child.ts migrate <url>
 *   node --import tsx child.ts hit <url> <key> <hits> <windowMs> <now>
 *   node --import tsx child.ts comments <url>     (prints each acknowledged comment id until killed)
 */
import { openStore } from '../../../../src/server/store/index.js';

const [command, url, ...args] = process.argv.slice(2);
if (!command || !url) throw new Error('usage: child.ts <command> <url> …');

const store = await openStore(url);
try {
  if (command === 'migrate') {
    process.stdout.write(`${await store.migrate()}\n`);
  } else if (command === 'hit') {
    const [key = 'k', hits = '1', windowMs = '60000', now = '0'] = args;
    const counts = await Promise.all(Array.from({ length: Number(hits) }, () => store.hit(key, Number(windowMs), Number(now))));
    process.stdout.write(`${JSON.stringify(counts.map((hit) => hit.count))}\n`);
  } else if (command === 'comments') {
    await store.migrate();
    process.stdout.write('ready\n');
    // Several writers at once, so acknowledgements also come from group commits.
    const writer = async (w: number) => {
      for (let n = 1; ; n++) {
        const id = `w${w}-${n}`;
        const write = (tx: typeof store) => tx.insertComment({
          siteId: 'blog',
          id,
          thread: 'durable',
          parentId: null,
          authorId: 'ada',
          body: `Comment ${n} of writer ${w}`,
          createdAt: new Date().toISOString(),
          editedAt: null,
          deletedAt: null,
          status: 'published',
          pinned: false,
          score: 0,
          ipHash: null,
        });
        // Half the writers use transactions (comment and event together), half single inserts.
        if (w % 2) {
          await write(store);
        } else {
          await store.transaction(async (tx) => {
            await write(tx);
            await tx.appendEvent({ siteId: 'blog', topic: 'thread:durable', payload: id });
          });
        }
        // Printed only after the write resolved: every line is an acknowledged write.
        process.stdout.write(`${id}\n`);
      }
    };
    await Promise.all([1, 2, 3, 4].map(writer));
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await store.close();
}
