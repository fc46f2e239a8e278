/**
 * Registering, creating, voting in, taking a vote back from and closing polls. Every decision
 * is a domain step (`src/domain/poll-steps.ts`) shared with the memory adapter; this file stores
 * what the step allowed, in one transaction with its journal entry, so an acknowledged change is
 * durable and has its event. Ballots of `anonymous` polls go to the voters and counts tables,
 * which share no key or order (see migration 006); their journal entries name no voter and, like
 * every poll entry, carry no count (see `events.ts`).
 */
import { topics, type Poll, type PollDefinition } from '../../adapters/contract.js';
import { AdapterError } from '../../adapters/errors.js';
import { enforce, notFound, proceed } from '../../adapters/refusals.js';
import { validateThreadId } from '../../domain/comments.js';
import { can } from '../../domain/permissions.js';
import { planClose, planRegister, planRemoveVote, planVote, type PollRecord, type StoredBallot } from '../../domain/poll-steps.js';
import { actorId, type Actor } from '../../domain/roles.js';
import { rememberUser } from '../comments/users.js';
import { enforceRate } from '../limits/rate-limit.js';
import type { PleinStore } from '../store/types.js';
import { DEVICE_TOKEN_RULE, type PollContext } from './context.js';
import { pollPayload } from './events.js';
import { countPoll, loadPoll, participation, present, type Counted, type Participation } from './reading.js';
import { ballotKey, cleanBallot, storedDefinition } from './records.js';
import { cachedCount } from './tally-cache.js';
import { isDeviceKey, voterKeyOf } from './voters.js';

const iso = (context: PollContext) => new Date(context.now()).toISOString();

/** A poll id also names its realtime topic, so it follows the topic rules (no control characters). */
function checkId(id: string): void {
  const issues = validateThreadId(id);
  const issue = issues['thread'];
  if (issue) throw AdapterError.invalid({ id: issue });
}

/**
 * Runs `write` and its journal entry in one transaction, then counts the poll as committed.
 * `voter` is whose ballot changed, named in the entry (except in `anonymous` polls) so their own
 * streams look their ballot up again. The entry goes first: on PostgreSQL appending takes the
 * journal's lock until commit, so poll writes run one at a time and a check inside `write` (no
 * ballots yet, before a redefinition) cannot be overtaken by a ballot committing meanwhile.
 */
async function commitPoll(
  context: PollContext,
  poll: PollRecord,
  voter: string | null,
  write: (tx: PleinStore) => Promise<void>,
): Promise<Counted> {
  const siteId = context.site.id;
  await context.store.transaction(async (tx) => {
    await tx.appendEvent({ siteId, topic: topics.poll(poll.id), payload: pollPayload(poll, voter) });
    await write(tx);
  });
  await context.realtime.flush().catch(() => undefined);
  return countPoll(context.store, siteId, poll);
}

async function requirePoll(context: PollContext, id: string): Promise<PollRecord> {
  const poll = await loadPoll(context.store, context.site.id, id);
  if (!poll) throw notFound('The poll');
  return poll;
}

function view(context: PollContext, poll: PollRecord, counted: Counted, mine: Participation): Poll {
  return present(poll, counted, context.identity.actor, mine, context.now());
}

async function mineIn(context: PollContext, poll: PollRecord): Promise<Participation> {
  return participation(context.store, context.site.id, poll, voterKeyOf(poll, context.site, context.identity.actor, context.device));
}

export async function getPoll(context: PollContext, id: string): Promise<Poll | null> {
  const poll = await loadPoll(context.store, context.site.id, id);
  if (!poll) return null;
  const [counted, mine] = await Promise.all([
    cachedCount(context.store, context.site.id, poll, context.now(), context.config.threadCacheMs),
    mineIn(context, poll),
  ]);
  return view(context, poll, counted, mine);
}

function recordFrom(definition: PollDefinition, kept: Pick<PollRecord, 'authorId' | 'closed' | 'createdAt'>): PollRecord {
  return { ...storedDefinition(definition), id: definition.id, authorId: kept.authorId, closed: kept.closed, createdAt: kept.createdAt } as unknown as PollRecord;
}

/** Another writer got there first (a registration, or a first ballot): judge again on what is stored now. */
class LostRace extends Error {}

async function hasBallots(tx: PleinStore, siteId: string, poll: string): Promise<boolean> {
  return (await tx.listPollBallots(siteId, poll, { limit: 1 })).length > 0 || (await tx.listPollCounts(siteId, poll)).length > 0;
}

async function registerOnce(context: PollContext, definition: PollDefinition): Promise<Poll> {
  const actor = context.identity.actor;
  const siteId = context.site.id;
  const existing = await loadPoll(context.store, siteId, definition.id);
  // Every page view of a declarative poll registers it: the kept count spares reading its ballots.
  const counted = existing ? await cachedCount(context.store, siteId, existing, context.now(), context.config.threadCacheMs) : null;
  const facts = (found: Counted | null) => ({ actor, ballots: found?.count ?? 0, ...(found ? { held: found.held } : {}), now: context.now() });
  const plan = proceed(planRegister(existing ?? undefined, definition, facts(counted)));
  if (existing && !plan.store) return view(context, existing, counted!, await mineIn(context, existing));

  const at = iso(context);
  const record = recordFrom(definition, existing ?? { authorId: null, closed: false, createdAt: at });
  const result = await commitPoll(context, record, null, async (tx) => {
    if (!existing) {
      const row = { siteId, id: record.id, definition: storedDefinition(definition), authorId: null, closed: false, createdAt: at, updatedAt: at };
      if (!(await tx.insertPoll(row))) throw new LostRace();
      return;
    }
    if (counted!.count === 0 && (await hasBallots(tx, siteId, existing.id))) throw new LostRace();
    // A ballot for an option this change drops may have come in since the kept count.
    if (counted!.count > 0 && !planRegister(existing, definition, facts(await countPoll(tx, siteId, existing))).ok) throw new LostRace();
    await tx.updatePoll(siteId, existing.id, { definition: storedDefinition(definition), updatedAt: at });
    if (plan.audit) {
      await tx.audit({ siteId, at, actorId: actorId(actor)!, action: 'poll.redefine', target: `poll:${existing.id}`, detail: { changes: plan.changes } });
    }
  });
  return view(context, record, result, await mineIn(context, record));
}

/** Registers a declarative definition on first use; changes it only as `canRedefine` allows. */
export async function ensurePoll(context: PollContext, definition: PollDefinition): Promise<Poll> {
  checkId(definition.id);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await registerOnce(context, definition);
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
    }
  }
  throw new AdapterError('conflict', 'The poll changed while it was being registered; try again.');
}

/** A poll made through the API by a moderator, who is its author. */
export async function createPoll(context: PollContext, definition: PollDefinition): Promise<Poll> {
  const actor = context.identity.actor;
  enforce(can(actor, 'poll.create'));
  checkId(definition.id);
  proceed(planRegister(undefined, definition, { actor, ballots: 0, now: context.now() }));
  const authorId = actorId(actor)!;
  await rememberUser(context.store, context.site, context.identity.viewer!, context.now());
  const record = recordFrom(definition, { authorId, closed: false, createdAt: iso(context) });
  const counted = await commitPoll(context, record, null, async (tx) => {
    const inserted = await tx.insertPoll({
      siteId: context.site.id,
      id: record.id,
      definition: storedDefinition(definition),
      authorId,
      closed: false,
      createdAt: record.createdAt,
      updatedAt: record.createdAt,
    });
    if (!inserted) throw new AdapterError('conflict', 'A poll with this id exists already.');
  });
  return view(context, record, counted, { voted: false, myBallot: null });
}

/**
 * Under `device` integrity, visitors without an account are counted per device; a salted IP
 * hash additionally caps the ballots one network may cast in one poll per day (the hash
 * rotates daily), so clearing storage or scripting fresh device tokens stops at that cap.
 */
async function limitDevices(context: PollContext, poll: PollRecord): Promise<void> {
  const rule = context.config.rateLimits.deviceBallotsPerIp;
  await enforceRate(context.store, `poll-device:${context.site.id}:${poll.id}:${context.ipHash}`, rule, context.now(), 'ballots from this network in this poll');
}


/** Whose ballot this is, once the domain let the viewer vote: a member, or under `device` integrity a device. */
function voterFor(context: PollContext, poll: PollRecord): string {
  const key = voterKeyOf(poll, context.site, context.identity.actor, context.device);
  if (key !== null) return key;
  if (poll.integrity === 'device') {
    throw AdapterError.invalid({
      device: context.deviceSent
        ? { reason: 'invalid', message: DEVICE_TOKEN_RULE }
        : { reason: 'required', message: 'This poll counts one ballot per device: send an X-Plein-Device token.' },
    });
  }
  throw new AdapterError('unauthorized', 'Sign in to vote.');
}

export async function vote(context: PollContext, id: string, ballot: unknown): Promise<Poll> {
  const poll = await requirePoll(context, id);
  const actor: Actor = context.identity.actor;
  const before = await mineIn(context, poll);
  // Permission first: a member poll refuses a visitor (unauthorized) before asking for a device.
  const plan = proceed(planVote(poll, { actor, voted: before.voted, now: context.now() }, ballot));
  const voter = voterFor(context, poll);
  const cast = cleanBallot(poll, ballot as StoredBallot);
  if (isDeviceKey(voter) && !plan.replaces) await limitDevices(context, poll);
  if (actor.kind === 'member') await rememberUser(context.store, context.site, context.identity.viewer!, context.now());

  const counted = await commitPoll(context, poll, voter, async (tx) => {
    const stored =
      poll.voters === 'anonymous'
        ? await tx.addAnonymousBallot(context.site.id, poll.id, voter, ballotKey(poll, cast))
        : await tx.putPollBallot({ siteId: context.site.id, poll: poll.id, voterKey: voter, ballot: cast, votedAt: iso(context) }, plan.replaces);
    // A concurrent ballot of the same voter got in first.
    if (!stored) throw new AdapterError('conflict', 'You have already voted.');
  });
  const mine: Participation = { voted: true, myBallot: poll.voters === 'anonymous' ? null : cast };
  return view(context, poll, counted, mine);
}

export async function removeVote(context: PollContext, id: string): Promise<Poll> {
  const poll = await requirePoll(context, id);
  const before = await mineIn(context, poll);
  proceed(planRemoveVote(poll, { actor: context.identity.actor, voted: before.voted, now: context.now() }));
  const voter = voterFor(context, poll);
  const counted = await commitPoll(context, poll, voter, async (tx) => {
    if (!(await tx.deletePollBallot(context.site.id, poll.id, voter))) throw new AdapterError('conflict', 'You have not voted in this poll.');
  });
  return view(context, poll, counted, { voted: false, myBallot: null });
}

/** Moderators close (`true`) or reopen (`false`) a poll; each is an audit entry. */
export async function closePoll(context: PollContext, id: string, closed: boolean): Promise<Poll> {
  const actor = context.identity.actor;
  proceed(planClose(actor));
  const poll = await requirePoll(context, id);
  const record: PollRecord = { ...poll, closed };
  const at = iso(context);
  const counted = await commitPoll(context, record, null, async (tx) => {
    await tx.updatePoll(context.site.id, id, { closed, updatedAt: at });
    await tx.audit({ siteId: context.site.id, at, actorId: actorId(actor)!, action: closed ? 'poll.close' : 'poll.reopen', target: `poll:${id}`, detail: null });
  });
  return view(context, record, counted, await mineIn(context, record));
}

