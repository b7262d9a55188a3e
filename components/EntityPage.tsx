// The full case history of one entry: every name, the whole timeline with sources, relations, laws and people, sightings; with search.
import { useEffect, useState } from 'preact/hooks';
import { useSearch } from './use-search.ts';
import type { Lang } from '../lib/data/schema.ts';
import type { CardView, EntitySearchHit } from '../lib/messages/protocol.ts';
import { formatDate, local, nameIn, type Translate } from '../lib/i18n/translate.ts';
import { Timeline } from './Timeline.tsx';

export interface EntityPageProps {
  id: string | null;
  t: Translate;
  lang: Lang;
  load: (id: string) => Promise<CardView | null>;
  search: (q: string) => Promise<EntitySearchHit[]>;
  /** Moves to another entry (updates the address). */
  go: (id: string) => void;
}

const CHARGED = new Set(['charged-under', 'convicted-under']);

export function EntityPage({ id, t, lang, load, search, go }: EntityPageProps) {
  const [view, setView] = useState<CardView | null | undefined>(id ? null : undefined);
  const [query, setQuery] = useState('');
  const hits = useSearch(query, search);

  useEffect(() => {
    if (!id) return setView(undefined);
    setView(null);
    void load(id).then((v) => setView(v ?? undefined));
  }, [id]);


  useEffect(() => {
    if (view) document.title = `${nameIn(view.entity.names, lang)} · Central Asia Context`;
  }, [view]);

  const e = view?.entity;
  const charged = view?.related.filter((r) => CHARGED.has(r.relation) && r.dir === 'out') ?? [];
  const chargedUnderThis = view?.related.filter((r) => CHARGED.has(r.relation) && r.dir === 'in') ?? [];
  const others = view?.related.filter((r) => !CHARGED.has(r.relation)) ?? [];

  return (
    <main class="page entity">
      <form role="search" onSubmit={(ev) => ev.preventDefault()}>
        <label class="field">
          <span>{t('search')}</span>
          <input type="search" value={query} onInput={(ev) => setQuery((ev.target as HTMLInputElement).value)} data-testid="entity-search" />
        </label>
        {hits.length ? (
          <ul class="hits">
            {hits.map((h) => (
              <li key={h.id}><button type="button" class="link" onClick={() => { setQuery(''); go(h.id); }}>{nameIn(h.names, lang)}</button> <span class="muted">{h.type}</span></li>
            ))}
          </ul>
        ) : null}
      </form>
      {view === null ? <p aria-busy="true">{t('loading')}</p> : null}
      {view === undefined ? <p>{id ? t('entityNotFound') : t('search')}</p> : null}
      {e ? (
        <article lang={lang}>
          <h1 data-testid="entity-name">{nameIn(e.names, lang)}</h1>
          <p class="chips">
            <span class="chip">{t(`type${e.type[0].toUpperCase()}${e.type.slice(1)}`)}</span>{' '}
            <span class="chip">{t(e.country === 'other' ? 'countryOther' : `country${e.country}`)}</span>
          </p>
          <p><strong lang={local(e.status.text, lang).lang}>{local(e.status.text, lang).text}</strong> <span class="muted">({t('statusAsOf', formatDate(e.status.asOf, lang))})</span></p>
          <p lang={local(e.summary, lang).lang}>{local(e.summary, lang).text}</p>
          <h2>{t('allNames')}</h2>
          <table>
            <tbody>
              <tr><th scope="row">English</th><td lang="en">{e.names.en}</td></tr>
              <tr><th scope="row">Русский</th><td lang="ru">{e.names.ru}</td></tr>
              <tr><th scope="row">Қазақша</th><td lang="kk">{e.names.kk}</td></tr>
              {e.names.kkLatn ? <tr><th scope="row">Qazaqşa</th><td lang="kk-Latn">{e.names.kkLatn}</td></tr> : null}
              {e.aliases.length ? <tr><th scope="row">{t('entityAliases')}</th><td>{e.aliases.join(' · ')}</td></tr> : null}
            </tbody>
          </table>
          {e.law ? (
            <dl class="law">
              <dt>{t('punishes')}</dt>
              <dd>{local(e.law.punishes, lang).text}</dd>
              {e.law.penalty ? (<><dt>{t('penalty')}</dt><dd>{local(e.law.penalty, lang).text}</dd></>) : null}
            </dl>
          ) : null}
          {charged.length ? <Links title={t('entityLawsCharged')} list={charged} lang={lang} t={t} go={go} /> : null}
          {chargedUnderThis.length ? <Links title={t('entityPeopleCharged')} list={chargedUnderThis} lang={lang} t={t} go={go} /> : null}
          {others.length ? <Links title={t('related')} list={others} lang={lang} t={t} go={go} /> : null}
          <h2>{t('caseHistory')}</h2>
          <Timeline events={e.events} lang={lang} t={t} />
          <h2>{t('yourSightings')}</h2>
          {view!.sightings.length ? (
            <ul>
              {view!.sightings.map((s) => (
                <li key={s.id}>{formatDate(s.eventDate, lang)} · {t(`kind_${s.kind}`)}{s.pageTitle ? ` · ${s.pageTitle}` : ''}{s.note ? ` — ${s.note}` : ''}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('noSightings')}</p>
          )}
        </article>
      ) : null}
    </main>
  );
}

function Links({ title, list, lang, t, go }: { title: string; list: CardView['related']; lang: Lang; t: Translate; go: (id: string) => void }) {
  return (
    <>
      <h2>{title}</h2>
      <ul class="related">
        {list.map((r) => (
          <li key={`${r.dir}-${r.relation}-${r.id}`}>
            <a href={`?id=${encodeURIComponent(r.id)}`} onClick={(ev) => { ev.preventDefault(); go(r.id); }}>{nameIn(r.names, lang)}</a>{' '}
            <span class="muted">{r.dir === 'out' ? t(`relType_${r.relation.replace(/-/g, '_')}`) : `← ${t(`relType_${r.relation.replace(/-/g, '_')}`)}`}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
