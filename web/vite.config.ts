import { defineConfig } from 'vite';

/**
 * The web app's build: `npm run build:web` (vite build web) writes web/dist, which
 * `strikewatch serve` serves at /. Leaflet goes in its own chunk so its size (the map
 * library) is told apart from the app's own code.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          return id.includes('node_modules/leaflet') ? 'leaflet' : undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
