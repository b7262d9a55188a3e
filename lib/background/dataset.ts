// The bundled dataset as the background serves it: entries by id, for cards, the entity page and search.
import cardsData from '../../data/compiled/cards.json';
import type { CardDataset, CardEntity } from '../data/cards.ts';
import type { CardView, RelatedEntry, SightingBrief } from '../messages/protocol.ts';

const dataset = cardsData as unknown as CardDataset;
let byId: Map<string, CardEntity> | null = null;

function index(): Map<string, CardEntity> {
  byId ??= new Map(dataset.entities.map((e) => [e.id, e]));
  return byId;
}

export function datasetVersion(): string {
  return dataset.version;
}

export function sourceReports(): CardDataset['reports'] {
  return dataset.reports;
}

export function allEntities(): readonly CardEntity[] {
  return dataset.entities;
}

export function entity(id: string): CardEntity | undefined {
  return index().get(id);
}

/** A card's view of one entry: related entries named, the reader's sightings attached. */
export function cardView(id: string, sightings: SightingBrief[]): CardView | null {
  const e = entity(id);
  if (!e) return null;
  const related: RelatedEntry[] = [];
  const seen = new Set<string>();
  // A relation both entries state (A related-to B and B related-to A) is listed once.
  const out = new Set(e.relations.filter((r) => r.dir === 'out').map((r) => `${r.type}:${r.id}`));
  for (const r of e.relations) {
    if (r.dir === 'in' && out.has(`${r.type}:${r.id}`)) continue;
    const other = entity(r.id);
    const key = `${r.dir}:${r.type}:${r.id}`;
    if (!other || seen.has(key)) continue;
    seen.add(key);
    related.push({ id: other.id, type: other.type, names: other.names, relation: r.type, dir: r.dir });
  }
  return { entity: e, related, sightings };
}
