// The options page: sites, mark styles, card language, keyboard shortcut, collector, private windows, sightings, the dataset.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/data/schema.ts';
import type { DatasetInfo, MarkStyle, Settings, SitesView } from '../lib/messages/protocol.ts';
import type { Translate } from '../lib/i18n/translate.ts';
import { SightingsView, type SightingsApi } from './SightingsView.tsx';
import type { Sighting } from '../lib/sightings/schema.ts';

export interface OptionsApi {
  sites(): Promise<SitesView>;
  /** Asks for the site's permission (inside the click) and switches it on or off. */
  setSite(host: string, enabled: boolean, bundled: boolean): Promise<SitesView>;
  removeSite(host: string): Promise<SitesView>;
  resetSites(): Promise<SitesView>;
  settings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Lets the extension reach the collector's origin directly (an optional host permission). */
  grantCollector(url: string): Promise<boolean>;
  shortcut(): Promise<string | null>;
  dataset(): Promise<DatasetInfo>;
  sightings: SightingsApi;
  editSighting(s: Sighting): void;
}

const KINDS = ['person', 'organisation', 'law', 'event', 'watch'] as const;
const STYLES: MarkStyle[] = ['solid', 'dashed', 'dotted', 'double', 'wavy', 'none'];
const KIND_LABEL: Record<(typeof KINDS)[number], string> = { person: 'groupPerson', organisation: 'groupOrganisation', law: 'groupLaw', event: 'groupEvent', watch: 'watchlist' };

export function Options({ api, t, lang }: { api: OptionsApi; t: Translate; lang: Lang }) {
  const [sites, setSites] = useState<SitesView | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [dataset, setDataset] = useState<DatasetInfo | null>(null);
  const [newHost, setNewHost] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<{ where: string; text: string; error?: boolean } | null>(null);

  useEffect(() => {
    void api.sites().then(setSites);
    void api.settings().then((s) => {
      setSettings(s);
      setUrl(s.collectorUrl);
      setToken(s.collectorToken);
    });
    void api.shortcut().then(setShortcut);
    void api.dataset().then(setDataset);
  }, []);

  const report = (where: string, work: Promise<unknown>, ok = t('optSaved')) =>
    work.then(
      () => setStatus({ where, text: ok }),
      (e: Error) => setStatus({ where, text: e.message, error: true }),
    );
  const statusFor = (where: string) =>
    status?.where === where ? <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p> : null;

  const save = (where: string, patch: Partial<Settings>) => report(where, api.saveSettings(patch).then(setSettings));

  const addSite = () => {
    const host = newHost.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return setStatus({ where: 'sites', text: t('optBadHost', newHost), error: true });
    void report('sites', api.setSite(host, true, false).then((v) => {
      setSites(v);
      setNewHost('');
    }));
  };

  return (
    <main class="page options">
      <h1>{t('optTitle')}</h1>

      <section aria-labelledby="sites">
        <h2 id="sites">{t('optSites')}</h2>
        <h3>{t('optAdded')}</h3>
        <ul>
          {sites?.added.map((s) => (
            <li key={s.host}>
              {s.host} {s.permitted ? null : <span class="muted">{t('optNoPermission')}</span>}{' '}
              <button type="button" onClick={() => void api.removeSite(s.host).then(setSites)}>{t('optRemove')}</button>
            </li>
          ))}
        </ul>
        <p class="with-action">
          <input type="text" value={newHost} placeholder="www.example.org" aria-label={t('optAddSite')} onInput={(e) => setNewHost((e.target as HTMLInputElement).value)} data-testid="add-site" />
          <button type="button" onClick={addSite}>{t('optAdd')}</button>
        </p>
        {statusFor('sites')}
        <h3>{t('optBundled')}</h3>
        <ul class="columns" data-testid="bundled-sites">
          {sites?.bundled.map((s) => (
            <li key={s.domain}>
              <label>
                <input type="checkbox" checked={s.enabled} onChange={(e) => void api.setSite(s.domain, (e.target as HTMLInputElement).checked, true).then(setSites)} />{' '}
                {s.domain} <span class="muted">{s.name}</span>
              </label>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => void api.resetSites().then(setSites)}>{t('optReset')}</button>
      </section>

      <section aria-labelledby="marks">
        <h2 id="marks">{t('optMarks')}</h2>
        {settings ? (
          <table>
            <tbody>
              {KINDS.map((k) => (
                <tr key={k}>
                  <th scope="row"><span class={`dot dot-${k}`} aria-hidden="true" /> {t(KIND_LABEL[k])}</th>
                  <td>
                    <select aria-label={t(KIND_LABEL[k])} value={settings.markStyles[k]} onChange={(e) => void save('marks', { markStyles: { ...settings.markStyles, [k]: (e.target as HTMLSelectElement).value as MarkStyle } })}>
                      {STYLES.map((st) => <option key={st} value={st}>{t(`optStyle_${st}`)}</option>)}
                    </select>
                  </td>
                  <td><span class={`sample sample-${k}`} style={{ textDecorationStyle: settings.markStyles[k] === 'none' ? undefined : settings.markStyles[k], textDecorationLine: settings.markStyles[k] === 'none' ? 'none' : 'underline' }}>Mukhtar Ablyazov</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <label class="field">
          <span>{t('optCardLang')}</span>
          <select value={settings?.cardLang ?? 'page'} onChange={(e) => void save('marks', { cardLang: (e.target as HTMLSelectElement).value as Settings['cardLang'] })}>
            <option value="page">{t('optCardLangPage')}</option>
            <option value="en">English</option>
            <option value="ru">Русский</option>
            <option value="kk">Қазақша</option>
          </select>
        </label>
        {statusFor('marks')}
      </section>

      <section aria-labelledby="keyboard">
        <h2 id="keyboard">{t('optShortcut')}</h2>
        <p>{t('optShortcutNow', shortcut || t('optShortcutUnset'))}</p>
        <p class="muted">{t('optShortcutWhere')}</p>
        <p class="muted">{t('navHelp')}</p>
      </section>

      <section aria-labelledby="collector">
        <h2 id="collector">{t('optCollector')}</h2>
        <p class="muted">{t('optCollectorHelp')}</p>
        <label class="field">
          <span>{t('optCollectorUrl')}</span>
          <input type="url" value={url} placeholder="https://collector.example.org/sightings" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} data-testid="collector-url" />
        </label>
        <label class="field">
          <span>{t('optCollectorToken')}</span>
          <input type="password" value={token} autocomplete="off" onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
        </label>
        <p class="actions">
          <button type="button" class="primary" onClick={() => void save('collector', { collectorUrl: url, collectorToken: token })} data-testid="save-collector">{t('optSave')}</button>
          {settings?.collectorUrl ? <button type="button" onClick={() => void report('collector', api.grantCollector(settings.collectorUrl))}>{t('optGrant')}</button> : null}
        </p>
        {statusFor('collector')}
      </section>

      <section aria-labelledby="private">
        <h2 id="private">{t('optPrivate')}</h2>
        <label>
          <input type="checkbox" checked={settings?.allowPrivate ?? false} onChange={(e) => void save('private', { allowPrivate: (e.target as HTMLInputElement).checked })} /> {t('optAllowPrivate')}
        </label>
        {statusFor('private')}
      </section>

      <SightingsView t={t} lang={lang} api={api.sightings} onEdit={api.editSighting} />

      <section aria-labelledby="dataset">
        <h2 id="dataset">{t('optDataset')}</h2>
        {dataset ? (
          <>
            <p>{t('optDatasetInfo', dataset.version, dataset.entries)}</p>
            <p class="muted">{Object.entries(dataset.byType).map(([k, n]) => `${n} ${k}`).join(' · ')}</p>
            <ul>
              {dataset.reports.map((r) => (
                <li key={r.file} lang={r.lang}>{r.title} <span class="muted">({r.lang}, {r.footnotes} footnotes)</span></li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </main>
  );
}
