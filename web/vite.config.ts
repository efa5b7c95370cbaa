import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const service = process.env.SAMVERKAN_API ?? 'http://localhost:4000';

export default defineConfig({
  root,
  // GraphiQL runs on real React on its own page; aliasing React to Preact would break it there.
  plugins: [preact({ reactAliasesEnabled: false })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('graphiql.html', import.meta.url)),
      },
      // GraphiQL's packages mark modules for the React compiler; bundled, the marks mean nothing.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  worker: { format: 'es' },
  // `npm run dev`: Vite serves the pages and hands API calls to a running service (`npm start`).
  server: {
    proxy: { '/graphql': service },
  },
});
