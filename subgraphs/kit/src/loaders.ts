import DataLoader from 'dataloader';

/** A DataLoader for one row per key: results in key order, a miss as `null`. */
export function rowLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A DataLoader for many rows per key (a region's municipalities): a key without rows gets `[]`. */
export function groupLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R[]>(async (keys) => {
    const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A DataLoader for a number per key (a count): a key without a row gets `fallback`. */
export function valueLoader<K, R, V>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  valueOf: (row: R) => V,
  fallback: V,
) {
  return new DataLoader<K, V>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), valueOf(row)]));
    return keys.map((key) => byKey.get(key) ?? fallback);
  });
}

/**
 * One loader per argument set, made on first use: every parent asking with the same arguments
 * (ten regions asking for perYear(from: 2017, to: 2026)) shares one loader and so one statement.
 * Arguments are keyed by their JSON, so pass them with a fixed property order.
 */
export function loaderPerArguments<A, L>(create: (args: A) => L) {
  const loaders = new Map<string, L>();
  return (args: A) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}
