/**
 * A small in-process cache whose entries expire after `ttlMs`. It spares the hot read paths
 * (API key and workspace look-ups on every request) a database round trip; `clear` is called
 * when this process changes what is cached. Another process's change is seen within `ttlMs`.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expires: number }>();
  readonly #loading = new Map<string, Promise<V | undefined>>();
  /** Bumped by `clear`: a load that began before it must not fill the cache after it. */
  #generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  #get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The cached value, else the one `load` finds (kept when defined). Requests that miss the
   * same key at once share one load: when an entry expires under load, every request in
   * flight would otherwise run the same query, and a key's last-use update once each.
   */
  getOrLoad(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const cached = this.#get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.#loading.get(key);
    if (pending !== undefined) return pending;
    const generation = this.#generation;
    const loaded = load()
      .then((value) => {
        if (value !== undefined && generation === this.#generation) this.#set(key, value);
        return value;
      })
      .finally(() => {
        if (this.#loading.get(key) === loaded) this.#loading.delete(key);
      });
    this.#loading.set(key, loaded);
    return loaded;
  }

  #set(key: string, value: V): void {
    // Oldest first in insertion order: drop it rather than grow without bound.
    if (this.#entries.size >= this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#loading.clear();
  }
}
