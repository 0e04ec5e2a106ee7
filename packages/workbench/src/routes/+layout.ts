// A single-page app: the API serves index.html for every page path and the browser renders.
export const ssr = false;
export const prerender = false;
