import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// `npx vite` serves the dashboard with hot reload and forwards /api to a running Klaxon
// (KLAXON_URL, default http://127.0.0.1:8080); `npx vite build` writes dist/web for the server.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: { outDir, emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: {
    proxy: { '/api': { target: process.env.KLAXON_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
