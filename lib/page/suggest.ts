// Suggestions for the popup: person and organisation names on an English page that the dataset does not know.
import compiled from '../../data/compiled/matcher.json';
import { loadMatcher } from '../detect/index.ts';
import type { CompiledMatcher } from '../detect/types.ts';

const MAX = 25;

export interface Suggestion {
  name: string;
  kind: 'person' | 'organisation';
}

/** compromise is English-only and heavy: it loads on demand, in the popup, never in the content script. */
export async function suggestNames(text: string, lang: string): Promise<Suggestion[] | 'not-english'> {
  if (lang && !lang.toLowerCase().startsWith('en')) return 'not-english';
  const { default: nlp } = await import('compromise');
  const doc = nlp(text);
  const found = new Map<string, Suggestion['kind']>();
  for (const name of doc.people().normalize({ possessives: true }).out('array') as string[]) add(found, name, 'person');
  for (const name of doc.organizations().normalize({ possessives: true }).out('array') as string[]) add(found, name, 'organisation');
  // Names the dataset already knows (in any form it recognises) are marked on the page already.
  const detector = loadMatcher(compiled as unknown as CompiledMatcher);
  const names = [...found.keys()];
  const { mentions } = detector.scan(names, { lang: 'en', context: { v: 1, countries: { KZ: 1, KG: 1, TJ: 1 }, region: 1, seen: [] } });
  const known = new Set(mentions.map((m) => m.segment));
  return names
    .filter((_, i) => !known.has(i))
    .slice(0, MAX)
    .map((name) => ({ name, kind: found.get(name)! }));
}

function add(found: Map<string, Suggestion['kind']>, raw: string, kind: Suggestion['kind']) {
  const name = raw.replace(/[.,;:!?"“”'’()]+$/g, '').replace(/^[("“'‘]+/, '').replace(/\s+/g, ' ').trim();
  // One word of two letters or a lower-case phrase is noise, not a name.
  if (name.length < 4 || !/^\p{Lu}/u.test(name)) return;
  if (!found.has(name)) found.set(name, kind);
}
