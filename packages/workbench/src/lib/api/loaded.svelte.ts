import { messageOf } from './problem.ts';

/**
 * One API answer a component shows, with its loading flag and readable problem, so each
 * part of a cell loads, fails and reloads on its own.
 */
export class Loaded<T> {
  value = $state.raw<T | null>(null);
  problem = $state<string | null>(null);
  loading = $state(false);
  readonly #fetch: () => Promise<T>;
  #generation = 0;

  constructor(fetch: () => Promise<T>) {
    this.#fetch = fetch;
  }

  /** Fetches again; an answer overtaken by a later `load` is dropped. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    this.problem = null;
    try {
      const value = await this.#fetch();
      if (generation === this.#generation) this.value = value;
    } catch (error) {
      if (generation === this.#generation) this.problem = messageOf(error);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }
}
