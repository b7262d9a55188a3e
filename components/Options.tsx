// The options page's view: the sites the extension works on by default.
import type { Site } from '../lib/settings/sites.ts';

export function Options({ sites }: { sites: readonly Site[] }) {
  return (
    <main class="options">
      <h1>Central Asia Context: options</h1>
      <section>
        <h2>Sites annotated by default</h2>
        <ul data-testid="bundled-sites">
          {sites.map((s) => (
            <li key={s.domain}>
              {s.domain} <span class="muted">{s.name}</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
