/**
 * What differs between the dialects at the value level: SQLite has no booleans (0/1) and no JSON
 * type (text); `pg` returns JSONB parsed and BIGINT as strings. Writes always send JSON as text,
 * which PostgreSQL parses into JSONB.
 */
import type { Dialect } from './types.js';

export interface Codec {
  bool(value: boolean): number | boolean;
  nullableBool(value: boolean | null): number | boolean | null;
  json(value: unknown): string;
  readBool(value: unknown): boolean;
  readNullableBool(value: unknown): boolean | null;
  readJson<T>(value: unknown): T;
  readNumber(value: unknown): number;
}

export function codecFor(dialect: Dialect): Codec {
  const sqlite = dialect === 'sqlite';
  const bool = (value: boolean) => (sqlite ? (value ? 1 : 0) : value);
  const readBool = (value: unknown) => value === true || value === 1 || value === 1n;
  return {
    bool,
    nullableBool: (value) => (value === null ? null : bool(value)),
    // `undefined` has no JSON form; it is stored as null like a missing detail.
    json: (value) => JSON.stringify(value === undefined ? null : value),
    readBool,
    readNullableBool: (value) => (value === null || value === undefined ? null : readBool(value)),
    readJson: <T>(value: unknown) => (sqlite && typeof value === 'string' ? JSON.parse(value) : value) as T,
    readNumber: (value) => Number(value),
  };
}
