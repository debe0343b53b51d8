import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Modules whose top level only defines things. Declaring them free of side effects lets the
// bundler keep flow validation (and its regex analysis) out of the first chunk: only the editor
// route runs it, so it is loaded with the editor.
const PURE_MODULES = [
  /[\\/]engine[\\/]src[\\/]/,
  /node_modules[\\/](refa|scslre|regexp-ast-analysis|@eslint-community[\\/]regexpp)[\\/]/,
];

// `source` makes @switchboard/engine/schema resolve to its TypeScript sources, so the designer
// never waits for an engine build and bundles exactly the browser-safe schema entry.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The validation chunk holds a regex analyser (~250 kB gzipped) and loads only with the editor.
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !PURE_MODULES.some((pattern) => pattern.test(id)) },
    },
  },
});
