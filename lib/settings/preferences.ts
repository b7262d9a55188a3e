// The reader's preferences: defaults and a field-by-field check of any change (a message may carry anything).
import type { MarkStyle, Settings } from '../messages/protocol.ts';
import { checkCollectorToken, checkCollectorUrl } from '../sightings/outbox.ts';
import { DEFAULT_MARK_STYLES } from '../page/highlights.ts';

export const MARK_STYLES: readonly MarkStyle[] = ['solid', 'dashed', 'dotted', 'double', 'wavy', 'none'];

export const DEFAULT_SETTINGS: Settings = {
  collectorUrl: '',
  collectorToken: '',
  allowPrivate: false,
  cardLang: 'page',
  markStyles: { ...DEFAULT_MARK_STYLES },
};

/** Merges stored values over the defaults, dropping anything malformed. */
export function readSettings(raw: unknown): Settings {
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  if (typeof raw !== 'object' || raw === null) return out;
  try {
    return applyPatch(out, raw as Record<string, unknown>);
  } catch {
    return out;
  }
}

/** Applies a change; throws an Error naming the field when a value is not acceptable. */
export function applyPatch(current: Settings, patch: Record<string, unknown>): Settings {
  const next: Settings = structuredClone(current);
  for (const [key, value] of Object.entries(patch)) {
    switch (key) {
      case 'collectorUrl': {
        if (typeof value !== 'string') throw new Error('collectorUrl: expected text');
        if (value.trim() === '') next.collectorUrl = '';
        else {
          const c = checkCollectorUrl(value);
          if (!c.ok) throw new Error(`collectorUrl: ${c.reason}`);
          next.collectorUrl = c.url;
        }
        break;
      }
      case 'collectorToken': {
        if (typeof value !== 'string') throw new Error('collectorToken: expected text');
        const c = checkCollectorToken(value);
        if (!c.ok) throw new Error(`collectorToken: ${c.reason}`);
        next.collectorToken = value;
        break;
      }
      case 'allowPrivate':
        if (typeof value !== 'boolean') throw new Error('allowPrivate: expected true or false');
        next.allowPrivate = value;
        break;
      case 'cardLang':
        if (value !== 'page' && value !== 'en' && value !== 'ru' && value !== 'kk') throw new Error('cardLang: expected page, en, ru or kk');
        next.cardLang = value;
        break;
      case 'markStyles': {
        if (typeof value !== 'object' || value === null) throw new Error('markStyles: expected an object');
        for (const [kind, style] of Object.entries(value)) {
          if (!(kind in next.markStyles)) throw new Error(`markStyles.${kind}: unknown kind`);
          if (!MARK_STYLES.includes(style as MarkStyle)) throw new Error(`markStyles.${kind}: expected one of ${MARK_STYLES.join(', ')}`);
          next.markStyles[kind as keyof Settings['markStyles']] = style as MarkStyle;
        }
        break;
      }
      default:
        throw new Error(`${key}: not a setting`);
    }
  }
  return next;
}
