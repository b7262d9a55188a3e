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

/** The bundled site a host belongs to (the host itself or a parent domain), or undefined. */
export function bundledSiteFor(host: string): Site | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return BUNDLED_SITES.find((s) => h === s.domain || h.endsWith(`.${s.domain}`));
}
