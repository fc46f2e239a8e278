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

function describe(issue: Issue, data: unknown): FieldError {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(data, issue.path) === undefined
        ? { reason: 'required', message: 'This field is required.' }
        : { reason: 'invalid-type', message: `Expected ${issue.expected}.`, params: { expected: String(issue.expected) } };
    case 'too_big':
      return { reason: 'too-long', message: `Use at most ${String(issue.maximum)}.`, params: { max: Number(issue.maximum) } };
    case 'too_small':
      return { reason: 'too-short', message: `Use at least ${String(issue.minimum)}.`, params: { min: Number(issue.minimum) } };
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
