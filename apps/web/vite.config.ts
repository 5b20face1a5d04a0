import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server (apps/server) serves dist/ at / with SPA fallback and the API under /api;
// in development we proxy /api to it so the session cookie stays same-origin.
const api = {
  '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
  // The public portal is server-rendered HTML, not a client route.
  '/portal': { target: 'http://127.0.0.1:3000', changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: {
        // A feature's index.ts and the contracts' files only declare things: saying so lets the
        // bundler see through a barrel and bring in just the files a chunk uses. Without it, one
        // label from @xuanlian/contracts put every schema and all of zod in the first load, and
        // one hook from a feature's index.ts brought its drawers and tabs along. zod-config.ts is
        // the contracts' one file that must run (before any schema is built), so it and the index
        // that imports it first stay as they are.
        moduleSideEffects: [
          { test: /[\\/]apps[\\/]web[\\/]src[\\/]features[\\/][^\\/]+[\\/]index\.ts$/, sideEffects: false },
          { test: /[\\/]packages[\\/]contracts[\\/]src[\\/](?!zod-config\.ts$|index\.ts$)[^\\/]+\.ts$/, sideEffects: false },
        ],
      },
      output: {
        // React and the router change rarely: one long-cached chunk. antd is left to the default
        // splitting on purpose — grouping it forces every page's components into the first load.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
});
