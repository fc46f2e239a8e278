import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serveSettings } from '../../../../src/server/cli-config.js';

describe('serve settings', () => {
  it('turns the demo and its sign-in on for the zero-set-up database only, unless told otherwise', () => {
    const zero = serveSettings({}, {});
    assert.equal(zero.demo, true);
    assert.equal(zero.server.demoSignIn, true);
    const configured = serveSettings({ db: 'sqlite:/srv/plein.sqlite' }, {});
    assert.equal(configured.demo, false);
    assert.equal(configured.server.demoSignIn, false);
    assert.equal(serveSettings({ db: 'sqlite:/srv/plein.sqlite' }, { PLEIN_DEMO: 'true' }).server.demoSignIn, true);
    assert.equal(serveSettings({ demo: false }, {}).server.demoSignIn, false);
  });
});
