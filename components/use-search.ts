// A search box's results: the query debounced, stale answers dropped.
import { useEffect, useState } from 'preact/hooks';

export function useSearch<T>(query: string, search: (q: string) => Promise<T[]>, delayMs = 120): T[] {
  const [hits, setHits] = useState<T[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => void search(q).then((h) => !stale && setHits(h)), delayMs);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);
  return hits;
}
