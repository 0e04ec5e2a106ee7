import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// `pnpm dev` proxies the API of a local `pnpm start` (TAGWISE_API, default port 8080).
const api = process.env.TAGWISE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: { '/v1': api, '/openapi.json': api, '/healthz': api, '/readyz': api },
  },
});
