import { getContext, setContext } from 'svelte';
import { createApiClient, unwrap, type ApiClient, type components } from '../api/client.ts';
import { messageOf } from '../api/problem.ts';

export type WhoAmI = components['schemas']['WhoAmI'];

const STORAGE_KEY = 'tagwise.apiKey';

/**
 * Who is using the workbench: the API key (kept in localStorage, as printed by
 * `pnpm start`), the key's identity and the typed client built from it.
 */
export class Session {
  apiKey = $state<string | null>(null);
  me = $state<WhoAmI | null>(null);
  problem = $state<string | null>(null);
  checking = $state(false);
  readonly client: ApiClient | null = $derived(
    this.apiKey === null ? null : createApiClient(this.apiKey),
  );

  readonly storage: Storage | undefined;

  constructor(storage: Storage | undefined) {
    this.storage = storage;
    this.apiKey = storage?.getItem(STORAGE_KEY) ?? null;
  }

  /** The client, for pages that only render once signed in. */
  get api(): ApiClient {
    if (this.client === null) throw new Error('no API key has been entered');
    return this.client;
  }

  get key(): string {
    if (this.apiKey === null) throw new Error('no API key has been entered');
    return this.apiKey;
  }

  /** True when the key may change notebooks and start runs. */
  get canWrite(): boolean {
    return this.me?.role === 'admin' || this.me?.role === 'analyst';
  }

  /** True when the key may accept and reject suggestions. */
  get canDecide(): boolean {
    return this.me?.role === 'admin' || this.me?.role === 'operator';
  }

  /** Checks a key against `/v1/me`; stores it when the API accepts it. */
  async signIn(key: string): Promise<boolean> {
    const trimmed = key.trim();
    this.checking = true;
    this.problem = null;
    try {
      const me = await unwrap(createApiClient(trimmed).GET('/v1/me'));
      this.apiKey = trimmed;
      this.me = me;
      this.storage?.setItem(STORAGE_KEY, trimmed);
      return true;
    } catch (error) {
      this.problem = messageOf(error);
      return false;
    } finally {
      this.checking = false;
    }
  }

  /** Loads who the stored key belongs to (forgets a key the API no longer accepts). */
  async restore(): Promise<void> {
    if (this.apiKey === null || this.me !== null) return;
    const stored = this.apiKey;
    if (!(await this.signIn(stored))) this.signOut(this.problem);
  }

  signOut(reason: string | null = null): void {
    this.apiKey = null;
    this.me = null;
    this.problem = reason;
    this.storage?.removeItem(STORAGE_KEY);
  }
}

const SESSION = Symbol('session');

export function setSession(session: Session): Session {
  return setContext(SESSION, session);
}

export function getSession(): Session {
  const session = getContext<Session | undefined>(SESSION);
  if (session === undefined) throw new Error('getSession() outside the root layout');
  return session;
}
