/**
 * Polls made by an administrator outside the API (`plein polls create`): the same checks as
 * `POST …/polls`, with the given member as author, and a journal entry so running servers show
 * the new poll to anyone already subscribed to its id.
 */
import type { Poll, PollDefinition } from '../../adapters/contract.js';
import { AdapterError } from '../../adapters/errors.js';
import { proceed } from '../../adapters/refusals.js';
import { validateThreadId } from '../../domain/comments.js';
import { planRegister, type PollRecord } from '../../domain/poll-steps.js';
import type { Actor } from '../../domain/roles.js';
import type { PleinStore, SiteRecord } from '../store/types.js';
import { pollPayload } from './events.js';
import { countPoll, present } from './reading.js';
import { storedDefinition } from './records.js';

export async function createPollAsAdmin(store: PleinStore, site: SiteRecord, input: unknown, authorId: string, now = Date.now()): Promise<Poll> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw AdapterError.invalid({ _: { reason: 'invalid', message: 'A poll definition is a JSON object.' } });
  const definition = input as PollDefinition;
  const idIssue = validateThreadId(definition.id)['thread'];
  if (idIssue) throw AdapterError.invalid({ id: idIssue });
  const admin: Actor = { kind: 'member', id: authorId, name: authorId, roles: ['member', 'admin'] };
  proceed(planRegister(undefined, definition, { actor: admin, ballots: 0, now }));
  const at = new Date(now).toISOString();
  const stored = storedDefinition(definition);
  const record = { ...stored, id: definition.id, authorId, closed: false, createdAt: at } as unknown as PollRecord;
  await store.transaction(async (tx) => {
    const inserted = await tx.insertPoll({ siteId: site.id, id: record.id, definition: stored, authorId, closed: false, createdAt: at, updatedAt: at });
    if (!inserted) throw new AdapterError('conflict', `A poll with the id "${record.id}" exists already.`);
    await tx.appendEvent({ siteId: site.id, topic: `poll:${record.id}`, payload: pollPayload(record, null) });
  });
  return present(record, await countPoll(store, site.id, record), admin, { voted: false, myBallot: null }, now);
}
