// The context card: who or what a marked name is, its status, case history with sources, related entries and actions.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../lib/data/schema.ts';
import type { CardView } from '../lib/messages/protocol.ts';
import { formatDate, local, nameIn, type Translate } from '../lib/i18n/translate.ts';
import { Timeline } from './Timeline.tsx';

export interface CardActions {
  onClose: () => void;
  onSelect: (id: string) => void;
  onOpenFull: (id: string) => void;
  onReport: (id: string) => void;
  onWrongMatch: (id: string) => void;
  onSiteOff: () => void;
}

export interface CardProps extends CardActions {
  /** null while loading; undefined when the entry is unknown. */
  view: CardView | null | undefined;
  lang: Lang;
  t: Translate;
  /** Opened from the keyboard: the card takes focus and keeps it until closed. */
  takeFocus: boolean;
}

const EVENTS_SHOWN = 5;

export function Card({ view, lang, t, takeFocus, ...actions }: CardProps) {
  const root = useRef<HTMLDivElement>(null);
  const [allEvents, setAllEvents] = useState(false);

  useEffect(() => {
    setAllEvents(false);
    if (takeFocus) root.current?.focus();
  }, [view?.entity.id, takeFocus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      actions.onClose();
      return;
    }
    if (e.key === 'Tab' && takeFocus && root.current) trapFocus(e, root.current);
  };

  if (view === null) {
    return (
      <div class="card" role="dialog" aria-busy="true" tabIndex={-1} ref={root} onKeyDown={onKeyDown}>
        <p class="muted">{t('loading')}</p>
      </div>
    );
  }
  if (view === undefined) {
    return (
      <div class="card" role="dialog" tabIndex={-1} ref={root} onKeyDown={onKeyDown}>
        <p>{t('noEntry')}</p>
        <button type="button" class="close" onClick={actions.onClose} aria-label={t('close')}>×</button>
      </div>
    );
  }

  const e = view.entity;
  const name = nameIn(e.names, lang);
  const summary = local(e.summary, lang);
  const status = local(e.status.text, lang);
  const events = allEvents ? e.events : e.events.slice(0, EVENTS_SHOWN);
  const countryKey = e.country === 'other' ? 'countryOther' : `country${e.country}`;

  return (
    <div class={`card type-${e.type}`} role="dialog" aria-label={t('cardLabel', name)} tabIndex={-1} ref={root} onKeyDown={onKeyDown} lang={lang} dir="ltr" data-entity={e.id}>
      <header>
        <div>
          <h2 class="name">{name}</h2>
          <p class="chips">
            {view.watched ? (
              <span class="chip chip-watch">{t('typeWatch')}</span>
            ) : (
              <>
                <span class={`chip chip-${e.type}`}>{t(`type${e.type[0].toUpperCase()}${e.type.slice(1)}`)}</span>
                <span class="chip">{t(countryKey)}</span>
              </>
            )}
          </p>
        </div>
        <button type="button" class="close" onClick={actions.onClose} aria-label={t('close')}>×</button>
      </header>
      <p class="status" lang={status.lang}>
        <strong>{status.text}</strong> <span class="muted">({t('statusAsOf', formatDate(e.status.asOf, lang))})</span>
      </p>
      <p class="summary" lang={summary.lang}>{summary.text}</p>
      {e.law ? <LawFacts law={e.law} lang={lang} t={t} /> : null}
      <section>
        <h3>{t('caseHistory')}</h3>
        <Timeline events={events} lang={lang} t={t} />
        {!allEvents && e.events.length > EVENTS_SHOWN ? (
          <button type="button" class="link" onClick={() => setAllEvents(true)}>{t('showMore', e.events.length)}</button>
        ) : null}
      </section>
      {view.related.length ? (
        <section>
          <h3>{t('related')}</h3>
          <ul class="related">
            {view.related.map((r) => (
              <li key={`${r.dir}-${r.relation}-${r.id}`}>
                <button type="button" class="link" onClick={() => actions.onSelect(r.id)}>{nameIn(r.names, lang)}</button>{' '}
                <span class="muted">{r.dir === 'out' ? t(`relType_${r.relation.replace(/-/g, '_')}`) : `← ${t(`relType_${r.relation.replace(/-/g, '_')}`)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h3>{t('yourSightings')}</h3>
        {view.sightings.length ? (
          <ul class="sightings">
            {view.sightings.map((s) => (
              <li key={s.id}>
                <span class="date">{formatDate(s.eventDate, lang)}</span> {s.kind}
                {s.pageTitle ? <span class="muted"> · {s.pageTitle}</span> : null}
                {s.note ? <div class="note">{s.note}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('noSightings')}</p>
        )}
      </section>
      <footer class="actions">
        {view.watched ? null : <button type="button" class="primary" onClick={() => actions.onOpenFull(e.id)}>{t('openFullHistory')}</button>}
        <button type="button" onClick={() => actions.onReport(e.id)}>{t('reportSighting')}</button>
        <button type="button" onClick={() => actions.onWrongMatch(e.id)}>{t('wrongMatch')}</button>
        <button type="button" onClick={actions.onSiteOff}>{t('turnOffSite')}</button>
      </footer>
    </div>
  );
}

function LawFacts({ law, lang, t }: { law: NonNullable<CardView['entity']['law']>; lang: Lang; t: Translate }) {
  const punishes = local(law.punishes, lang);
  const penalty = law.penalty ? local(law.penalty, lang) : null;
  return (
    <dl class="law">
      <dt>{t('punishes')}</dt>
      <dd lang={punishes.lang}>{punishes.text}</dd>
      {penalty ? (
        <>
          <dt>{t('penalty')}</dt>
          <dd lang={penalty.lang}>{penalty.text}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** Keeps Tab inside the card while it holds the keyboard. */
function trapFocus(e: KeyboardEvent, root: HTMLElement) {
  const items = [...root.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
  if (!items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = (root.getRootNode() as ShadowRoot | Document).activeElement;
  if (e.shiftKey && (active === first || active === root)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}
