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
