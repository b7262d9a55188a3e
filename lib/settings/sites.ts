// The bundled list of Central Asia news and rights sites, and how a host is matched against it.
import sitesData from '../../data/sites.json' with { type: 'json' };

export interface Site {
  domain: string;
  name: string;
  lang: string;
}

export const BUNDLED_SITES: readonly Site[] = sitesData.sites;

/** Match patterns for the manifest: `*.domain` covers the domain itself and its subdomains. */
export const BUNDLED_MATCHES: string[] = BUNDLED_SITES.filter(
  // rus.azattyq.org is covered by azattyq.org's pattern already.
  (s) => !BUNDLED_SITES.some((o) => s.domain.endsWith(`.${o.domain}`)),
).map((s) => `*://*.${s.domain}/*`);

/** Every bundled site a host belongs to (itself or a parent domain), the most specific first. */
export function bundledSitesFor(host: string): Site[] {
  const h = host.toLowerCase().replace(/\.$/, '');
  return BUNDLED_SITES.filter((s) => h === s.domain || h.endsWith(`.${s.domain}`)).sort((a, b) => b.domain.length - a.domain.length);
}

/** The most specific bundled site a host belongs to, or undefined. */
export function bundledSiteFor(host: string): Site | undefined {
  return bundledSitesFor(host)[0];
}
