// Reads a JSON backup: the whole file is checked before anything is written, then written in one transaction.
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from './export.ts';
import { checkSighting, formatPath, isIsoTimestamp, type Sighting } from './schema.ts';
import { SightingError, type SightingStore } from './store.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 100_000;

/** Why a file was refused. `path` is "$" for the file as a whole, else like "sightings[12].eventDate". */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export interface ImportResult {
  imported: number;
  skipped: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const TOP_KEYS = new Set(['format', 'version', 'exportedAt', 'sightings']);

class ForbiddenKey extends Error {}

function utf8Length(text: string): number {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes: only encode when the quick bound is not enough.
  return text.length * 3 <= MAX_IMPORT_BYTES ? text.length : new TextEncoder().encode(text).length;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function decode(input: string | Uint8Array | ArrayBuffer): string {
  if (typeof input === 'string') {
    const bytes = utf8Length(input);
    if (bytes > MAX_IMPORT_BYTES) throw new ImportError('$', `the file is ${megabytes(bytes)}; the limit is ${megabytes(MAX_IMPORT_BYTES)}`);
    return input.replace(/^\uFEFF/, '');
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError('$', `the file is ${megabytes(bytes.length)}; the limit is ${megabytes(MAX_IMPORT_BYTES)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError('$', 'the file is not UTF-8 text');
  }
}

/** Finds where a forbidden key sits (the reviver can only say that one exists). Iterative: no stack overflow. */
function findForbiddenKey(root: unknown): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (const k of keys) if (FORBIDDEN_KEYS.has(k)) return [...path, k];
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: (value as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
      }
    }
  }
  return undefined;
}

/**
 * Parses JSON refusing __proto__, constructor and prototype keys anywhere. JSON.parse itself does
 * not pollute prototypes, but a later spread or merge of such an object could: refuse them outright.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, function reviver(key: string, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) {
      // Re-parse without the reviver (safe: JSON.parse defines own properties) just to locate it.
      const path = findForbiddenKey(JSON.parse(text)) ?? [error.message];
      throw new ImportError(formatPath(path), `forbidden key "${String(path[path.length - 1])}"`);
    }
    if (error instanceof SyntaxError) throw new ImportError('$', `not valid JSON (${error.message})`);
    if (error instanceof RangeError) throw new ImportError('$', 'the JSON is nested too deeply');
    throw error;
  }
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return x.length > 40 ? `"${x.slice(0, 40)}…"` : JSON.stringify(x);
  return typeof x === 'object' ? 'an object' : String(x);
}

/**
 * Checks a whole backup file and returns its records, or throws the first problem as an
 * ImportError naming the record and field. Nothing is written here.
 */
export function parseImport(input: string | Uint8Array | ArrayBuffer): ExportFile {
  const doc = parseJson(decode(input));
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ImportError('$', `expected an object with format, version, exportedAt and sightings, got ${describe(doc)}`);
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT) {
    throw new ImportError('format', d.format === undefined ? `missing; expected "${EXPORT_FORMAT}"` : `expected "${EXPORT_FORMAT}", got ${describe(d.format)}`);
  }
  if (d.version !== EXPORT_VERSION) {
    const newer = typeof d.version === 'number' && Number.isInteger(d.version) && d.version > EXPORT_VERSION;
    throw new ImportError(
      'version',
      newer
        ? `version ${String(d.version)} is newer than this extension reads (${EXPORT_VERSION}); update the extension`
        : d.version === undefined ? `missing; expected ${EXPORT_VERSION}` : `unsupported version ${describe(d.version)}; expected ${EXPORT_VERSION}`,
    );
  }
  for (const k of Object.keys(d)) if (!TOP_KEYS.has(k)) throw new ImportError(k, 'unknown field');
  if (typeof d.exportedAt !== 'string' || !isIsoTimestamp(d.exportedAt)) {
    throw new ImportError('exportedAt', 'expected an ISO timestamp like 2024-05-01T12:00:00.000Z');
  }
  if (!Array.isArray(d.sightings)) throw new ImportError('sightings', `expected an array, got ${describe(d.sightings)}`);
  if (d.sightings.length > MAX_IMPORT_RECORDS) {
    throw new ImportError('sightings', `${d.sightings.length} records; the limit is ${MAX_IMPORT_RECORDS}`);
  }
  const sightings: Sighting[] = [];
  const seen = new Map<string, number>();
  d.sightings.forEach((raw: unknown, i: number) => {
    const r = checkSighting(raw);
    if (!r.ok) throw new ImportError(formatPath(['sightings', i]) + (r.issue.path === '' ? '' : `.${r.issue.path}`), r.issue.message);
    const first = seen.get(r.value.id);
    if (first !== undefined) throw new ImportError(`sightings[${i}].id`, `duplicate of sightings[${first}].id`);
    seen.set(r.value.id, i);
    sightings.push(r.value);
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: d.exportedAt, sightings };
}

/**
 * Imports a backup all or nothing. A record already saved with the same content is skipped (so
 * re-importing a file duplicates nothing); one saved with the same id but different content stops
 * the whole import with an ImportError naming it: nothing is overwritten, nothing is half-imported.
 */
export async function importJson(store: SightingStore, input: string | Uint8Array | ArrayBuffer): Promise<ImportResult> {
  const file = parseImport(input);
  try {
    return await store.addMany(file.sightings);
  } catch (error) {
    if (error instanceof SightingError && error.index !== undefined) {
      const at = `sightings[${error.index}]`;
      throw new ImportError(error.path === '' ? at : `${at}.${error.path}`, error.reason);
    }
    throw error;
  }
}
