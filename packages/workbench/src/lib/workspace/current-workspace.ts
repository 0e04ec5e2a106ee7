import { getContext, setContext } from 'svelte';
import type { components } from '../api/client.ts';

type Workspace = components['schemas']['Workspace'];

const CURRENT_WORKSPACE = Symbol('current workspace');

/**
 * Called by the workspace layout, which loads the workspace once for all its pages: `read`
 * returns the workspace it has loaded (undefined until then).
 */
export function provideCurrentWorkspace(read: () => Workspace | undefined): void {
  setContext(CURRENT_WORKSPACE, read);
}

/**
 * Call while a component initialises. Returns a function giving the display name of the
 * workspace `slug` once the layout has loaded it, and the slug until then; reactive when
 * called inside `$derived` or markup.
 */
export function workspaceNames(): (slug: string) => string {
  const read = getContext<(() => Workspace | undefined) | undefined>(CURRENT_WORKSPACE);
  return (slug) => {
    const loaded = read?.();
    return loaded?.slug === slug ? loaded.name : slug;
  };
}
