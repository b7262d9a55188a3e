// Locates and reads the FPC report files in ../shared/reports (Node only: scripts and tests).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The reports folder beside the checkout, or null when this machine does not have it. */
export function reportsDir(root = process.cwd()): string | null {
  const dir = resolve(root, '..', 'shared', 'reports');
  return existsSync(dir) ? dir : null;
}

export interface ReportFile {
  name: string;
  lang: 'en' | 'ru' | 'kk';
  title: string;
  /** The text after the header, footnotes included. */
  text: string;
  /** The text without its header and footnotes. */
  body: string;
}

export function readReports(dir: string): ReportFile[] {
  return readdirSync(dir)
    .filter((f) => /\.(en|ru|kk)\.txt$/.test(f))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(dir, name), 'utf8');
      const headerEnd = raw.indexOf('\n\n');
      const header = raw.slice(0, headerEnd);
      const text = raw.slice(headerEnd + 2);
      const fnAt = text.search(/^Footnotes\s*$/m);
      return {
        name,
        lang: name.slice(-6, -4) as ReportFile['lang'],
        title: /^title:\s*(.*)$/m.exec(header)?.[1] ?? name,
        text,
        body: fnAt >= 0 ? text.slice(0, fnAt) : text,
      };
    });
}
