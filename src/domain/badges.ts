/**
 * Badge rules: a badge is earned when a metric (comments posted, answers accepted, …) reaches its
 * threshold. Once awarded a badge stays, even if the metric drops later (a deleted comment must not
 * take a badge away), so `awardable` asks which badges are earned and not yet awarded.
 */
export interface BadgeRule {
  metric: string;
  threshold: number;
}

export type Metrics = Readonly<Record<string, number>>;

export interface BadgeProgress {
  /** The metric's value, capped at the target: "7 / 10", never "12 / 10". */
  current: number;
  target: number;
  /** 0..1, for a progress bar. */
  ratio: number;
  earned: boolean;
}

export function badgeProgress(rule: BadgeRule, metrics: Metrics): BadgeProgress {
  const target = Math.max(0, rule.threshold);
  const value = Math.max(0, metrics[rule.metric] ?? 0);
  const earned = value >= target;
  return { current: Math.min(value, target), target, ratio: target === 0 ? 1 : Math.min(1, value / target), earned };
}

/** Ids of badges whose rule `metrics` meets and that are not in `awarded` yet, in definition order. */
export function awardable(
  definitions: readonly { id: string; rule: BadgeRule }[],
  metrics: Metrics,
  awarded: ReadonlySet<string>,
): string[] {
  return definitions
    .filter((definition) => !awarded.has(definition.id) && badgeProgress(definition.rule, metrics).earned)
    .map((definition) => definition.id);
}
