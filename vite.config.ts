import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served at http://127.0.0.1:PORT/ and app://claimdesk/.
  base: './',
  plugins: [react()],
  // One local bundle for a desktop app: no network cost, so no need to split it.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
});
