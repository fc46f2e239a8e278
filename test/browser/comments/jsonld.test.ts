import { expect } from '@open-wc/testing';
import { seedThread } from '../../../src/adapters/memory/index.js';
import type { PleinComments } from '../../../src/components/comments/comments.js';
import { ago, comment, composer, demoViewers, memoryAdapter, mount, seed, settled, type, until } from './helpers.js';

interface LdComment {
  '@type': string;
  url: string;
  text: string;
  author?: { name: string };
  comment?: LdComment[];
}

const script = (element: PleinComments) =>
  element.nextElementSibling?.matches('script[type="application/ld+json"]') ? (element.nextElementSibling as HTMLScriptElement) : null;

const data = (element: PleinComments) => JSON.parse(script(element)?.textContent ?? 'null') as { '@type': string; commentCount: number; comment: LdComment[] };

describe('<plein-comments> structured data', () => {
  it('writes DiscussionForumPosting with the nested comments next to itself, in the light DOM', async () => {
    const { element } = await mount({
      seed: seed([comment('a', { body: '*Hello* there' }), comment('b', { parentId: 'a', author: 'demo-kees', body: 'Reply' })]),
      attributes: { jsonld: 'on' },
    });
    await until(() => script(element), 'the script');
    const ld = data(element);
    expect(ld['@type']).to.equal('DiscussionForumPosting');
    expect(ld.commentCount).to.equal(2);
    const [first] = ld.comment;
    expect(first).to.include({ '@type': 'Comment', text: 'Hello there' });
    expect(first!.url).to.match(/#plein-comment-a$/);
    expect(first!.author?.name).to.equal('Ada Bakker');
    expect(first!.comment?.[0]?.author?.name).to.equal('Kees Smit');
  });

  it('writes the count again when only the count changed, as after a deletion elsewhere', async () => {
    // The thread's count is read again after the change, a while after the list changed.
    const { element, adapter } = await mount({
      seed: seed([comment('a'), comment('b'), comment('c')]),
      adapter: { latency: 400 },
      attributes: { jsonld: 'on' },
    });
    await until(() => data(element)?.commentCount === 3, 'the first structured data');
    const elsewhere = memoryAdapter({ namespace: adapter.namespace, viewer: demoViewers.moderator });
    await elsewhere.deleteComment('a');
    await until(() => element.shadowRoot?.querySelector('#heading')?.textContent === '2 comments', 'the heading');
    await until(() => data(element)?.commentCount === 2, 'the count in the structured data', 4000);
  });

  it('escapes text so no comment can close the script element', async () => {
    const { element } = await mount({
      seed: seed([comment('a', { body: 'Nice </script><script>window.__plein_ld=1</script> <!-- x' })]),
      attributes: { jsonld: 'on' },
    });
    await until(() => script(element), 'the script');
    expect(script(element)!.textContent).not.to.contain('</');
    expect(script(element)!.textContent).not.to.contain('<!--');
    expect(data(element).comment[0]!.text).to.equal('Nice </script><script>window.__plein_ld=1</script> <!-- x');
    expect((window as { __plein_ld?: number }).__plein_ld).to.equal(undefined);
  });

  it('leaves out what not every visitor may see, from the comments and from the count', async () => {
    const { element } = await mount({
      viewer: demoViewers.moderator,
      seed: seed([comment('open'), comment('waiting', { status: 'pending' }), comment('removed', { status: 'hidden' }), comment('under', { parentId: 'removed' })]),
      attributes: { jsonld: 'on' },
    });
    await until(() => script(element), 'the script');
    expect(element.shadowRoot?.querySelector('#heading')?.textContent).to.equal('4 comments');
    expect(data(element).comment.map((entry) => entry.url.replace(/.*#plein-comment-/, ''))).to.deep.equal(['open']);
    expect(data(element).commentCount).to.equal(1);
  });

  it('follows the comments as they come in', async () => {
    const { element } = await mount({ seed: seed([comment('a', { createdAt: ago(10) })]), attributes: { jsonld: 'on' } });
    await until(() => script(element), 'the script');
    const form = composer(element);
    type(form.querySelector('textarea')!, 'Fresh');
    form.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(() => data(element).comment.some((entry) => entry.text === 'Fresh'), 'the new comment in the data', 5000);
  });

  it('caps the structured data at 500 comments of a long thread and still gives the full count', async () => {
    const { element } = await mount({ seed: seedThread({ thread: 'thread', count: 600, replyRatio: 0 }), attributes: { jsonld: 'on' } });
    await until(() => data(element)?.comment.length === 500, 'the capped data', 10_000);
    expect(data(element).commentCount).to.equal(600);
  });

  it('writes nothing with jsonld="off" and removes its script when turned off or removed', async () => {
    const off = await mount({ seed: seed([comment('a')]), attributes: { jsonld: 'off' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(script(off.element)).to.equal(null);

    const { element } = await mount({ seed: seed([comment('a')]), attributes: { jsonld: 'on' } });
    await until(() => script(element), 'the script');
    element.jsonld = 'off';
    await settled(element);
    expect(script(element)).to.equal(null);
    element.jsonld = 'on';
    await until(() => script(element), 'the script again');
    const parent = element.parentElement!;
    element.remove();
    expect(parent.querySelector('script[type="application/ld+json"]')).to.equal(null);
  });
});
