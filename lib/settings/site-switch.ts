// Decides whether a site is annotated: the bundled list, overridden by the reader's own switches.
import { bundledSitesFor } from './sites.ts';

/** The reader's switches, keyed by host: true = on (also for a site outside the list), false = off. */
export type SiteOverrides = Record<string, boolean>;

export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function isSiteEnabled(host: string, overrides: SiteOverrides): boolean {
  const own = overrides[host];
  if (own !== undefined) return own;
  const sites = bundledSitesFor(host);
  if (!sites.length) return false;
  // A switch on a bundled domain (azattyq.org) covers its subdomains (rus.azattyq.org) too; the nearest switch wins.
  for (const s of sites) if (overrides[s.domain] !== undefined) return overrides[s.domain];
  return true;
}

/** The match pattern that grants one host (for optional permissions and runtime registration). */
export function hostPattern(host: string): string {
  return `*://${host}/*`;
}
