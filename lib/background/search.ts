// Searches the dataset's names and aliases in any script, folding case, ё and Kazakh letters.
import type { CardEntity } from '../data/cards.ts';
import type { EntitySearchHit } from '../messages/protocol.ts';
import { foldForKey } from '../data/fold.ts';

const KAZAKH = /[әіңғүұқөһ]/g;
const TO_RUSSIAN: Record<string, string> = { ә: 'а', і: 'и', ң: 'н', ғ: 'г', ү: 'у', ұ: 'у', қ: 'к', ө: 'о', һ: 'х' };

function fold(s: string): string {
  return foldForKey(s).replace(KAZAKH, (c) => TO_RUSSIAN[c] ?? c);
}

let index: { e: CardEntity; keys: string[] }[] | null = null;

export function searchEntities(entities: readonly CardEntity[], query: string, limit: number): EntitySearchHit[] {
  const q = fold(query);
  if (!q) return [];
  index ??= entities.map((e) => ({ e, keys: [e.names.en, e.names.ru, e.names.kk, e.names.kkLatn ?? '', ...e.aliases].filter(Boolean).map(fold) }));
  const scored: { e: CardEntity; score: number }[] = [];
  for (const { e, keys } of index) {
    let best = 0;
    for (const k of keys) {
      if (k === q) best = Math.max(best, 3);
      else if (k.startsWith(q) || k.includes(` ${q}`)) best = Math.max(best, 2);
      else if (k.includes(q)) best = Math.max(best, 1);
    }
    if (best) scored.push({ e, score: best });
  }
  scored.sort((a, b) => b.score - a.score || a.e.names.en.localeCompare(b.e.names.en));
  return scored.slice(0, limit).map(({ e }) => ({ id: e.id, type: e.type, country: e.country, names: e.names }));
}
