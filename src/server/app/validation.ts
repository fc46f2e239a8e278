/**
 * Schema failures become `invalid` errors whose `fields` have the same shape as the domain's
 * validators produce (`reason`, `message`, `params`), keyed by the field's dotted path, so a UI
 * shows a malformed request and a rule refusal the same way.
 */
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { AdapterError, type FieldError, type FieldErrors } from '../../adapters/errors.js';

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A message the schema gave (zod's own defaults say only "Invalid input…"), to keep where it says what is needed. */
function ownMessage(issue: Issue): string | null {
  return issue.message && !issue.message.startsWith('Invalid input') ? issue.message : null;
}

/** Bounds on text count characters, on lists items, on numbers nothing: "Use at most 200 characters.", "Use at most 100." */
function unitOf(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set' || origin === 'map') return ' items';
  return '';
}

function describe(issue: Issue, data: unknown): FieldError {
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      if (valueAt(data, issue.path) === undefined) return { reason: 'required', message: ownMessage(issue) ?? 'This field is required.' };
      return issue.code === 'invalid_type'
        ? { reason: 'invalid-type', message: `Expected ${issue.expected}.`, params: { expected: String(issue.expected) } }
        : { reason: 'invalid', message: issue.message };
    case 'too_big': {
      const max = Number(issue.maximum);
      const unit = unitOf(issue.origin);
      const reason = unit === ' characters' ? 'too-long' : unit === ' items' ? 'too-many' : 'too-large';
      return { reason, message: `Use at most ${max}${unit}.`, params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const unit = unitOf(issue.origin);
      if (unit === ' characters' && min === 1) return { reason: 'required', message: 'This field is required.' };
      const reason = unit === ' characters' ? 'too-short' : unit === ' items' ? 'too-few' : 'too-small';
      return { reason, message: `Use at least ${min}${unit}.`, params: { min } };
    }
    case 'invalid_value':
      return {
        reason: 'unknown-choice',
        message: `Choose one of ${issue.values.map(String).join(', ')}.`,
        params: { choices: issue.values.map(String).join(', ') },
      };
    case 'invalid_format':
      return { reason: 'invalid-format', message: issue.message };
    default:
      return { reason: 'invalid', message: issue.message };
  }
}

export function fieldErrorsOf(error: z.ZodError, data: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= { reason: 'unknown-field', message: 'This field is not accepted.' };
      continue;
    }
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fields[name] ??= describe(issue, data);
  }
  return fields;
}

/** The `defaultHook` of every route: a failed schema throws `invalid`, caught by the error handler. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; data?: unknown },
  _c: Context,
): void {
  if (!result.success) throw AdapterError.invalid(fieldErrorsOf(result.error, result.data));
}
