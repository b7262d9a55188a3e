// Writes sightings out as the versioned JSON backup format and as RFC 4180 CSV for spreadsheets.
import { SIGHTING_KEYS, canonicalSighting, type Sighting } from './schema.ts';

export const EXPORT_FORMAT = 'central-asia-context.sightings';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  sightings: Sighting[];
}

/** Orders sightings as the export writes them: creation time, then id, so the order depends only on the data. */
export function exportOrder(sightings: readonly Sighting[]): Sighting[] {
  return [...sightings].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * The JSON backup: keys in a fixed order, two-space indent, LF line ends, a final newline.
 * exportedAt is passed in (the only part that changes between two exports of the same data),
 * so export → import → export is byte-identical apart from that one line. A 'queued' state
 * belongs to this machine's outbox, which the file does not carry: it is written as 'local'.
 */
export function exportJson(sightings: readonly Sighting[], exportedAt: string): string {
  const doc = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    sightings: exportOrder(sightings).map((s) =>
      canonicalSighting(s.sendState === 'queued' ? { ...s, sendState: 'local', sendError: undefined } : s),
    ),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A file name like sightings-2024-05-01.json for the download. */
export function exportFileName(exportedAt: string, ext: 'json' | 'csv'): string {
  return `sightings-${exportedAt.slice(0, 10)}.${ext}`;
}

// Spreadsheets run a cell starting with these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: defused if a spreadsheet would read it as a formula, quoted if it must be. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = SIGHTING_KEYS;

/**
 * CSV per RFC 4180 (CRLF after every row, header row), with a UTF-8 byte order mark so
 * spreadsheet programs read Cyrillic and Kazakh text as UTF-8 rather than a legacy code page.
 * Returned as a string: encode with TextEncoder (UTF-8) when writing the file.
 */
export function exportCsv(sightings: readonly Sighting[]): string {
  const rows = [CSV_COLUMNS.map(csvField).join(',')];
  for (const s of exportOrder(sightings)) {
    rows.push(
      CSV_COLUMNS.map((k) => {
        const val = s[k];
        return csvField(val === undefined ? '' : String(val));
      }).join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
