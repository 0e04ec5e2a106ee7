import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A static single-page app: the API serves `build/` and answers unknown non-API paths with
 * `index.html`, so every route renders in the browser (no server-side rendering).
 */
/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ fallback: 'index.html', strict: true }),
    alias: { $api: 'src/lib/api' },
  },
};
