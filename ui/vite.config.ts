/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Tauri loads ui/dist in production (tauri:// under a strict CSP) and the dev server in
// development (devUrl http://localhost:1420).
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ['**/src-tauri/**'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Tauri on Linux renders with WebKitGTK; Safari 15 is a safe floor.
    target: 'safari15',
    sourcemap: false,
    // No data: URIs: the CSP allows only 'self'.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    // Gathers the engine's evaluations the tests reach when recording them (make ui-fixtures).
    globalSetup: ['src/test/engine-record.ts'],
    // Keep CPU use modest on small machines.
    pool: 'threads',
    maxWorkers: 2,
    // A guard against hangs, not a speed target: axe over a whole page takes seconds on a loaded
    // two-core CI machine, past vitest's 5 s default.
    testTimeout: 30_000,
  },
});
