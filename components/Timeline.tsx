// A case history as a timeline: latest first, each event with its date, sentence and source links.
import type { Lang } from '../lib/data/schema.ts';
import type { CardEvent } from '../lib/data/cards.ts';
import { formatDate, local, type Translate } from '../lib/i18n/translate.ts';
import { safeHttpUrl } from '../lib/page/safe-url.ts';

export function Timeline({ events, lang, t }: { events: CardEvent[]; lang: Lang; t: Translate }) {
  return (
    <ol class="timeline">
      {events.map((ev, i) => {
        const text = local(ev.text, lang);
        return (
          <li key={`${ev.date}-${i}`}>
            <time dateTime={ev.date}>{formatDate(ev.date, lang)}</time>
            <span class="kind">{t(`event_${ev.kind.replace(/-/g, '_')}`)}</span>
            <p lang={text.lang}>{text.text}</p>
            <p class="sources">
              {ev.sources.map((s, j) => {
                const label = `${s.reportTitle}${s.footnote !== undefined ? `, ${t('footnote', s.footnote)}` : ''}`;
                const url = s.urls.map(safeHttpUrl).find((u) => u !== null);
                return (
                  <span key={j} class="source">
                    {url ? (
                      <a href={url} target="_blank" rel="noopener noreferrer" title={s.citation ?? label}>{label}</a>
                    ) : (
                      <span title={s.citation}>{label}</span>
                    )}
                  </span>
                );
              })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
