import { build } from 'vite';
await build({ configFile: 'vite.config.ts', root: 'renderer', logLevel: 'info', ssr: { noExternal: true }, build: { ssr: 'first-paint.ts', outDir: '/tmp/fp', emptyOutDir: true, rollupOptions: { output: { entryFileNames: 'first-paint.mjs' } } } });
