// Reads every dataset file in data/entities (Node: scripts and tests).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntries, type Bibliography, type Problem } from './validate.ts';
import type { Entity } from './schema.ts';

export const ENTITIES_DIR = 'data/entities';

export function loadDataset(dir = ENTITIES_DIR): { entries: Entity[]; problems: Problem[]; raw: string[] } {
  const entries: Entity[] = [];
  const problems: Problem[] = [];
  const raw: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    raw.push(text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      problems.push({ where: f, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    const r = parseEntries(json, f);
    entries.push(...r.entries);
    problems.push(...r.problems);
  }
  return { entries, problems, raw };
}

export function loadBibliography(): Bibliography {
  return JSON.parse(readFileSync('data/sources.json', 'utf8')) as Bibliography;
}
