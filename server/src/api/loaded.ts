/**
 * What DataLoader's loadMany gives back, made safe for non-null GraphQL fields: a value per key,
 * or null (not found) or an Error (its batch failed). Rows whose value is missing are left out,
 * so a list never carries a hole where the schema promises an object.
 */
export type Loaded<V> = V | Error | null | undefined;

export function isLoaded<V>(value: Loaded<V>): value is V {
  return value !== null && value !== undefined && !(value instanceof Error);
}

/** The found values, in order, the missing ones left out. */
export function found<V>(values: Loaded<V>[]): V[] {
  return values.filter(isLoaded);
}

/** Each row with its found value under `key`; rows whose value is missing are left out. */
export function joinFound<R extends object, K extends string, V>(rows: R[], values: Loaded<V>[], key: K): (R & Record<K, V>)[] {
  const out: (R & Record<K, V>)[] = [];
  rows.forEach((row, i) => {
    const value = values[i];
    if (isLoaded(value)) out.push({ ...row, [key]: value } as R & Record<K, V>);
  });
  return out;
}
