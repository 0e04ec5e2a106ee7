/**
 * A small in-process cache whose entries expire after `ttlMs`. It spares the hot read paths
 * (API key and workspace look-ups on every request) a database round trip; `clear` is called
 * when this process changes what is cached. Another process's change is seen within `ttlMs`.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    // Oldest first in insertion order: drop it rather than grow without bound.
    if (this.#entries.size >= this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }
}
