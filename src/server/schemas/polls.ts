/**
 * Schemas of the polls family. Input schemas check shapes only; what a definition or ballot
 * means (allowed settings, option counts, ranges, contradictions) is judged by the domain, so
 * the server refuses with the same field errors as the memory adapter.
 */
import { z } from '@hono/zod-openapi';
import { AuthorSchema, PageQuery, SiteParams, Timestamp } from './common.js';

const pollId = z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'next-meetup', description: 'The poll id (percent-encoded).' });
export const PollParams = SiteParams.extend({ id: pollId });

const PollOptionSchema = z.object({ value: z.string().max(1000), label: z.string().max(1000) }).openapi('PollOption');
const ScaleSchema = z.object({ min: z.number(), max: z.number(), step: z.number() }).openapi('RatingScale');

const definitionFields = {
  type: z.string().max(50).openapi({ description: 'single, multiple, rating, ranked or quiz.', example: 'single' }),
  question: z.string().max(5000),
  options: z.array(PollOptionSchema).max(100).openapi({ description: 'Two to 30 options (none for `rating`).' }),
  results: z.string().max(50).openapi({ description: 'When results show: always, after-vote, after-close or moderators.', example: 'after-vote' }),
  voters: z.string().max(100).openapi({ description: 'public (who voted what is listed), secret (counts only) or anonymous (no voter→option link is stored).', example: 'secret' }),
  integrity: z.string().max(50).openapi({ description: 'member (one ballot per signed-in member) or device (one per device token, capped per IP hash).', example: 'member' }),
  min: z.number().optional().openapi({ description: '`multiple`: fewest choices per ballot.' }),
  max: z.number().optional().openapi({ description: '`multiple`: most choices per ballot.' }),
  scale: ScaleSchema.optional(),
  correct: z.array(z.string().max(1000)).max(100).optional().openapi({ description: '`quiz`: the right option values.' }),
  explanation: z.string().max(20_000).optional().openapi({ description: '`quiz`: shown once the viewer answered.' }),
  closesAt: Timestamp.nullable().optional(),
  allowChange: z.boolean().optional().openapi({ description: 'Voters may change or take back their ballot (not with `anonymous`).' }),
};

export const PollDefinitionBody = z
  .object({ id: z.string().max(1000).optional().openapi({ description: 'When given, must be the id in the path.' }), ...definitionFields })
  .openapi('PollDefinition');

export const CreatePollBody = z.object({ id: z.string().max(1000), ...definitionFields }).openapi('NewPoll');

const RoundSchema = z
  .object({
    counts: z.record(z.string(), z.number().int()),
    eliminated: z.array(z.string()),
    continuing: z.number().int(),
    exhausted: z.number().int(),
    tieBreak: z.enum(['batch', 'earlier-round', 'option-order']).optional(),
  })
  .openapi('PollRound');

export const PollTallySchema = z
  .object({
    total: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    average: z.number().optional(),
    rounds: z.array(RoundSchema).optional(),
    winner: z.string().nullable().optional(),
    tied: z.array(z.string()).optional(),
    correctShare: z.number().optional(),
  })
  .openapi('PollTally');

export const BallotSchema = z
  .union([z.object({ choices: z.array(z.string()) }), z.object({ rating: z.number() })])
  .openapi('Ballot', { description: 'Option values (in order for `ranked`), or a rating on the scale.' });

export const PollSchema = z
  .object({
    id: z.string(),
    ...definitionFields,
    voters: z.enum(['public', 'secret', 'anonymous']),
    authorId: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    // A union at the use site: `.nullable()` on a named schema makes the shared component itself nullable.
    tally: z.union([PollTallySchema, z.null()]).openapi({ description: '`null` while results are withheld from this viewer: not in the answer at all.' }),
    resultsWithheldUntil: z.enum(['vote', 'close']).nullable(),
    // Lazy, so the generator refers to Ballot instead of merging its two shapes into this union.
    myBallot: z.union([z.lazy(() => BallotSchema), z.null()]).openapi({ description: 'The viewer’s ballot; `null` when they have none, or in an `anonymous` poll, which keeps no link to it.' }),
    voted: z.boolean(),
    ballotCount: z.number().int(),
    answers: z.enum(['one', 'several']).optional().openapi({ description: '`quiz`: one answer per ballot or several; present even while `correct` is withheld.' }),
    createdAt: Timestamp,
  })
  .openapi('Poll');

export const BallotBody = z
  .object({
    choices: z.array(z.string().max(1000)).max(100).optional(),
    rating: z.number().optional(),
  })
  .openapi('BallotInput', { description: '`choices` for every type but `rating`, `rating` for rating polls; the poll’s type decides which one is read, the other is not stored.' });

export const DeviceHeaders = z.object({
  'x-plein-device': z
    .string()
    .max(500)
    .optional()
    .openapi({ description: 'For `device` polls: this device’s random token (at least 128 bits: 22–128 base64url characters), the same on every request.' }),
});

export const CloseBody = z.object({ closed: z.boolean() }).openapi('ClosePoll');

export const VotesQuery = z.object(PageQuery);

export const PollVotePageSchema = z
  .object({
    items: z.array(z.object({ voter: AuthorSchema, ballot: BallotSchema, votedAt: Timestamp }).openapi('PollVote')),
    cursor: z.string().nullable(),
  })
  .openapi('PollVotePage');
