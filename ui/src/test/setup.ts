// Runs before every test file. @testing-library/svelte's vite plugin adds its own auto-cleanup.
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach } from 'vitest';
import { app } from '../lib/app.svelte';

beforeEach(() => {
  document.documentElement.lang = 'zh-CN';
  document.documentElement.className = '';
});

afterEach(() => {
  clearMocks();
  app.reset();
});
