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

/** A value read at most once per request (the country's totals), however many fields or rows ask for it. */
export function onceLoader<V>(fetch: () => Promise<V>) {
  let value: Promise<V> | undefined;
  return { load: () => (value ??= fetch()) };
}

/**
 * A DataLoader over structured keys (a place and a period), cached by a string form of each key: the batch gets
 * every key of a request at once, so a whole trend table is one statement.
 */
export function keyedLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>, cacheKey: (key: K) => string) {
  return new DataLoader<K, V, string>(batch, { cacheKeyFn: cacheKey });
}

/** Items grouped by a key, in their order: a batch split by what one statement can answer, or rows by place. */
export function groupBy<T, G>(items: readonly T[], groupOf: (item: T) => G): Map<G, T[]> {
  const groups = new Map<G, T[]>();
  for (const item of items) {
    const group = groupOf(item);
    const list = groups.get(group);
    if (list) list.push(item);
    else groups.set(group, [item]);
  }
  return groups;
}
