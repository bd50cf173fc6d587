import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web console: built into dist/web, which the NestJS server serves at `/` (the API stays under
 * /api). `npm run dev:web` serves it with hot reload and proxies the API to a running `npm start`.
 */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    // Prints each chunk's size with its gzip size; the budget is checked by tests/browser/bundle-budget.spec.ts.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (React Server Components); a client-only bundle has no use for it.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    fs: { allow: ['..'] },
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
    },
  },
});
