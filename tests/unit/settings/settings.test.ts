// Per-site switches, preferences and search over the dataset.
import { describe, expect, test } from 'vitest';
import { hostOf, isSiteEnabled } from '../../../lib/settings/site-switch.ts';
import { BUNDLED_MATCHES, BUNDLED_SITES, bundledSiteFor } from '../../../lib/settings/sites.ts';
import { applyPatch, DEFAULT_SETTINGS, readSettings } from '../../../lib/settings/preferences.ts';

describe('sites', () => {
  test('at least 40 bundled domains, one match pattern each (subdomains covered by their parent)', () => {
    expect(BUNDLED_SITES.length).toBeGreaterThanOrEqual(40);
    expect(BUNDLED_MATCHES).toContain('*://*.azattyq.org/*');
    expect(BUNDLED_MATCHES).not.toContain('*://*.rus.azattyq.org/*');
    expect(bundledSiteFor('rus.azattyq.org')?.domain).toBe('rus.azattyq.org');
    expect(bundledSiteFor('www.vlast.kz')?.domain).toBe('vlast.kz');
    expect(bundledSiteFor('evilvlast.kz')).toBeUndefined();
  });

  test('a bundled site is on until switched off; another site only when switched on', () => {
    expect(isSiteEnabled('www.azattyq.org', {})).toBe(true);
    expect(isSiteEnabled('www.azattyq.org', { 'www.azattyq.org': false })).toBe(false);
    expect(isSiteEnabled('rus.azattyq.org', { 'azattyq.org': false })).toBe(false);
    expect(isSiteEnabled('rus.azattyq.org', { 'azattyq.org': false, 'rus.azattyq.org': true })).toBe(true);
    expect(isSiteEnabled('www.example.org', {})).toBe(false);
    expect(isSiteEnabled('www.example.org', { 'www.example.org': true })).toBe(true);
    expect(hostOf('https://WWW.Example.org/a')).toBe('www.example.org');
    expect(hostOf('chrome://extensions')).toBeNull();
  });
});

describe('preferences', () => {
  test('a change is checked field by field, with the field named', () => {
    expect(applyPatch(DEFAULT_SETTINGS, { collectorUrl: 'https://c.example.org/in' }).collectorUrl).toBe('https://c.example.org/in');
    expect(applyPatch(DEFAULT_SETTINGS, { collectorUrl: 'http://localhost:8787/in' }).collectorUrl).toBe('http://localhost:8787/in');
    expect(() => applyPatch(DEFAULT_SETTINGS, { collectorUrl: 'http://c.example.org/in' })).toThrow(/collectorUrl/);
    expect(() => applyPatch(DEFAULT_SETTINGS, { collectorToken: 'has space' })).toThrow(/collectorToken/);
    expect(() => applyPatch(DEFAULT_SETTINGS, { markStyles: { person: 'blink' } })).toThrow(/markStyles.person/);
    expect(() => applyPatch(DEFAULT_SETTINGS, { __proto__: { polluted: true } } as Record<string, unknown>)).not.toThrow();
    expect(() => applyPatch(DEFAULT_SETTINGS, { admin: true })).toThrow(/not a setting/);
  });

  test('stored garbage falls back to the defaults', () => {
    expect(readSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ cardLang: 'xx' })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ cardLang: 'kk' }).cardLang).toBe('kk');
  });
});
