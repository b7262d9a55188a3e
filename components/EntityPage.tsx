// The full case history of one entry.
export function EntityPage({ id }: { id: string | null }) {
  return (
    <main class="entity">
      <h1>{id ?? 'No entry chosen'}</h1>
    </main>
  );
}
