/**
 * The one store test suite. Every dialect runs exactly these tests against `fresh()`, which
 * returns an empty database of its own.
 */
import { describe } from 'node:test';
import { activityTests } from './suite-activity.js';
import { concurrencyTests } from './suite-concurrency.js';
import { limitAndJournalTests } from './suite-limits-journal.js';
import { migrationTests } from './suite-migrations.js';
import { pollTests } from './suite-polls.js';
import { privacyTests } from './suite-privacy.js';
import { recordTests } from './suite-records.js';
import type { Fresh } from './targets.js';

export function runStoreSuite(name: string, fresh: Fresh): void {
  describe(`store on ${name}`, () => {
    migrationTests(fresh);
    recordTests(fresh);
    concurrencyTests(fresh);
    activityTests(fresh);
    limitAndJournalTests(fresh);
    privacyTests(fresh);
    pollTests(fresh);
  });
}
