import type { PollDefinition, PollOption, PollType, ResultsVisibility, VoteIntegrity, VoterVisibility } from '../../adapters/contract.js';

/** The attributes of `<plein-poll>` that make up a declarative definition. */
export interface DefinitionSource {
  poll: string;
  type: string | undefined;
  results: string | undefined;
  voters: string | undefined;
  integrity: string | undefined;
  min: number | undefined;
  max: number | undefined;
  scaleMin: number | undefined;
  scaleMax: number | undefined;
  scaleStep: number | undefined;
  correct: string | undefined;
  explanation: string | undefined;
  closes: string | undefined;
  allowChange: boolean;
}

const words = (value: string | undefined): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean);
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const finite = (value: number | undefined): number | undefined => (value !== undefined && Number.isFinite(value) ? value : undefined);

/**
 * The closing time as written: the backend reads it by the domain's rule (ISO 8601 with a time
 * zone), stores it in UTC, and names the problem with anything else. Not read here with
 * `Date.parse`, which takes a time without a zone in each visitor's own zone, so the first page to
 * register the poll would fix the instant.
 */
const closingAt = (value: string | undefined): string | null => value?.trim() || null;

/**
 * The definition the page declares, or `null` for a poll by reference (only `poll` set: no
 * `type`, no options, no question). Defaults: `single`, results `always`, voters `secret`,
 * integrity `member`, rating scale 1 to 5 in steps of 1. Values are passed on as written, so the
 * backend's domain rule names what is wrong (`voters="public anonymous"` is refused, not guessed).
 */
export function readDefinition(source: DefinitionSource, host: Element): PollDefinition | null {
  const optionNodes = [...host.children].filter((child) => child.localName === 'plein-option');
  const questionNode = host.querySelector(':scope > [slot="question"]');
  if (source.type === undefined && optionNodes.length === 0 && !questionNode) return null;

  const type = (source.type?.trim() || 'single') as PollType;
  const options: PollOption[] = optionNodes.map((node) => {
    const label = text(node);
    return { value: node.getAttribute('value')?.trim() || label, label };
  });
  const correct = [
    ...words(source.correct),
    ...optionNodes.flatMap((node, index) => (node.hasAttribute('correct') ? [options[index]?.value ?? ''] : [])),
  ];
  const definition: PollDefinition = {
    id: source.poll,
    type,
    question: text(questionNode),
    options,
    results: (source.results?.trim() || 'always') as ResultsVisibility,
    voters: (source.voters?.trim() || 'secret') as VoterVisibility,
    integrity: (source.integrity?.trim() || 'member') as VoteIntegrity,
    closesAt: closingAt(source.closes),
    allowChange: source.allowChange,
  };
  const min = finite(source.min);
  const max = finite(source.max);
  if (min !== undefined) definition.min = min;
  if (max !== undefined) definition.max = max;
  if (type === 'rating') {
    const scale = { min: finite(source.scaleMin), max: finite(source.scaleMax), step: finite(source.scaleStep) };
    if (scale.min !== undefined || scale.max !== undefined || scale.step !== undefined) {
      definition.scale = { min: scale.min ?? 1, max: scale.max ?? 5, step: scale.step ?? 1 };
    }
  }
  if (correct.length > 0) definition.correct = [...new Set(correct)];
  const explanation = source.explanation?.trim();
  if (explanation) definition.explanation = explanation;
  return definition;
}
