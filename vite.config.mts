import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built once, served to Electron by the app:// protocol and to browsers by the loopback server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      treeshake: {
        // The contract and electron/shared only define things (schemas, lists, patterns, helpers):
        // a screen that takes one list or pattern from them does not load zod or libphonenumber.
        moduleSideEffects: [
          {
            test: /[\\/]electron[\\/](core[\\/](contract|kernel|areas[\\/][^\\/]+[\\/](contract|types))|shared)[\\/.]/,
            sideEffects: false,
          },
        ],
      },
    },
  },
});
