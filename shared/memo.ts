// A bounded memo for pure functions of one string: a year of history asks the same few hundred timestamps and
// titles again and again (the verdict, the timeline, What's new). Emptied whole when full, so it never grows
// past `max` entries. Only for functions whose result is read, never changed, by their callers.

export function memoByString<T>(compute: (key: string) => T, max = 2_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
