import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built once, loaded by Electron from file:// and served by the loopback server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
