import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (npm start at the repo root) serves GraphQL on :4000; in development
// Vite proxies to it so the client can always use the same-origin path `/graphql`.
const apiTarget = process.env.GUANXI_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  // @guanxi/shared's TypeScript sources, not the server's compiled copy (see shared/package.json).
  resolve: { conditions: ['guanxi-source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the shipped build: they publish the whole source; `npm run dev` has its own.
    sourcemap: false,
    // cytoscape alone is ~400 kB minified; one chunk is fine for an internal tool.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      treeshake: {
        // @guanxi/shared is declarations only, but its index re-exports zod schemas built at
        // module top level; marking it side-effect free keeps zod out of the browser bundle.
        moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id),
      },
    },
  },
});
