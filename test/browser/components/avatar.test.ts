import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/avatar/avatar.js';
import type { PleinAvatar } from '../../../src/components/avatar/avatar.js';
import { avatarHue } from '../../../src/components/avatar/avatar-color.js';
import { initials } from '../../../src/components/avatar/initials.js';

const PICTURE =
  'data:image/svg+xml,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="teal"/></svg>');
const BROKEN = 'data:image/png;base64,bm90IGFuIGltYWdl';

const part = (avatar: PleinAvatar, name: string) => avatar.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<plein-avatar>', () => {
  it('shows the picture with the person’s name as its text alternative', async () => {
    const avatar = await fixture<PleinAvatar>(html`<plein-avatar name="Ada Lovelace" src=${PICTURE}></plein-avatar>`);
    const image = part(avatar, 'image') as HTMLImageElement;
    expect(image.getAttribute('src')).to.equal(PICTURE);
    expect(image.alt).to.equal('Ada Lovelace');
    expect(part(avatar, 'initials')).to.equal(null);
    expect(avatar.matches(':state(image)')).to.equal(true);
  });

  it('uses label over name for the text alternative, and none when decorative', async () => {
    const labelled = await fixture<PleinAvatar>(
      html`<plein-avatar name="Ada" label="Profile picture of Ada" src=${PICTURE}></plein-avatar>`,
    );
    expect((part(labelled, 'image') as HTMLImageElement).alt).to.equal('Profile picture of Ada');

    const decorative = await fixture<PleinAvatar>(html`<plein-avatar name="Ada" decorative src=${PICTURE}></plein-avatar>`);
    expect(part(decorative, 'image')!.getAttribute('alt')).to.equal('');
  });

  it('shows initials as a named image when there is no picture', async () => {
    const avatar = await fixture<PleinAvatar>(html`<plein-avatar name="Ada Lovelace"></plein-avatar>`);
    expect(part(avatar, 'initials')!.textContent).to.equal('AL');
    const base = part(avatar, 'base')!;
    expect(base.getAttribute('role')).to.equal('img');
    expect(base.getAttribute('aria-label')).to.equal('Ada Lovelace');
    expect(avatar.matches(':state(initials)')).to.equal(true);
    await expect(avatar).to.be.accessible();
  });

  it('falls back to initials when the picture fails to load, and tries a new picture', async () => {
    const avatar = await fixture<PleinAvatar>(html`<plein-avatar name="Grace Hopper" src=${BROKEN}></plein-avatar>`);
    await waitUntil(() => part(avatar, 'initials') !== null, 'initials after the image error');
    expect(part(avatar, 'initials')!.textContent).to.equal('GH');
    expect(part(avatar, 'base')!.getAttribute('aria-label')).to.equal('Grace Hopper');
    expect(part(avatar, 'image')).to.equal(null);

    avatar.src = PICTURE;
    await avatar.updateComplete;
    expect(part(avatar, 'image')).not.to.equal(null);
  });

  it('hides a decorative fallback from assistive technology', async () => {
    const avatar = await fixture<PleinAvatar>(html`<plein-avatar name="Ada" decorative></plein-avatar>`);
    const base = part(avatar, 'base')!;
    expect(base.getAttribute('aria-hidden')).to.equal('true');
    expect(base.hasAttribute('role')).to.equal(false);
    await expect(avatar).to.be.accessible();
  });

  it('shows a hidden silhouette when there is neither picture nor name', async () => {
    const avatar = await fixture<PleinAvatar>(html`<plein-avatar></plein-avatar>`);
    expect(part(avatar, 'icon')).not.to.equal(null);
    expect(part(avatar, 'base')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('colours the initials background from the name, the same way every time', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <plein-avatar name="Ada Lovelace"></plein-avatar>
      <plein-avatar name="Ada Lovelace"></plein-avatar>
      <plein-avatar name="Grace Hopper"></plein-avatar>
    </div>`);
    const [a, b, c] = [...root.querySelectorAll('plein-avatar')].map((avatar) => getComputedStyle(part(avatar, 'base')!).backgroundColor);
    expect(a).to.equal(b);
    expect(a).not.to.equal(c);
    expect(avatarHue('Ada Lovelace')).to.equal(avatarHue('  ada lovelace '));
    expect(avatarHue('Ada Lovelace')).not.to.equal(avatarHue('Grace Hopper'));
  });

  it('takes its size from the size property, else from --plein-avatar-size', async () => {
    const sized = await fixture<PleinAvatar>(html`<plein-avatar name="Ada" size="48"></plein-avatar>`);
    expect(part(sized, 'base')!.getBoundingClientRect().width).to.equal(48);

    const styled = await fixture<PleinAvatar>(html`<plein-avatar name="Ada" style="--plein-avatar-size: 20px"></plein-avatar>`);
    expect(part(styled, 'base')!.getBoundingClientRect().width).to.equal(20);
  });

  it('keeps white initials readable on every generated background in light and dark', async () => {
    const root = await fixture<HTMLElement>(html`<div style="background: #17191c">
      ${['Ada Lovelace', 'Grace Hopper', 'Linus', 'Yusuf', 'Zoë', 'Jan de Vries', 'Olu', 'Mei'].map(
        (name) => html`<plein-avatar name=${name}></plein-avatar><plein-avatar theme="dark" name=${name}></plein-avatar>`,
      )}
    </div>`);
    await expect(root).to.be.accessible();
  });
});

describe('initials()', () => {
  it('takes the first letter of the first and last word', () => {
    expect(initials('Ada Lovelace')).to.equal('AL');
    expect(initials('Jan de Vries')).to.equal('JV');
    expect(initials('Jean-Luc Picard')).to.equal('JP');
    expect(initials('  grace  ')).to.equal('G');
    expect(initials('')).to.equal('');
  });

  it('keeps whole graphemes and skips leading punctuation', () => {
    expect(initials('e\u0301lodie durand')).to.equal('E\u0301D');
    expect(initials('(Ada) "Bob"')).to.equal('AB');
    expect(initials('🎉')).to.equal('🎉');
  });

  it('upper-cases in the reader’s language', () => {
    expect(initials('ilker yılmaz', 'tr')).to.equal('İY');
    expect(initials('ilker yılmaz', 'en')).to.equal('IY');
  });

  it('keeps the Dutch IJ together in Dutch', () => {
    expect(initials('IJsbrand van Dijk', 'nl')).to.equal('IJD');
    expect(initials('ijsbrand', 'nl-BE')).to.equal('IJ');
    expect(initials('Ivo Jansen', 'nl')).to.equal('IJ');
    expect(initials('IJsbrand van Dijk', 'en')).to.equal('ID');
  });
});
