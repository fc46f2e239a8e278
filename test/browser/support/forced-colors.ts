/**
 * The test runner's Chromium cannot be switched into forced colours from a test (its emulateMedia
 * knows colour scheme and motion only). This applies a shadow root's own
 * `@media (forced-colors: active)` rules unconditionally, as that mode would, so a test can read
 * what the mode leaves of each box: a background only where `forced-color-adjust: none` keeps it,
 * a border wherever one is drawn (in the system's text colour).
 */
export function applyForcedColorRules(shadow: ShadowRoot): number {
  const rules = shadow.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /forced-colors\s*:\s*active/.test(rule.media.mediaText))
    .flatMap((rule) => [...rule.cssRules]);
  const forced = new CSSStyleSheet();
  for (const rule of rules) forced.insertRule(rule.cssText, forced.cssRules.length);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, forced];
  return rules.length;
}
