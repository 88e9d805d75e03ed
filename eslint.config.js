// Lint with import zones: each runtime layer may only import what it can actually run.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];
const nativeOnlyInElectron = [
  { group: ['better-sqlite3', 'better-sqlite3/*'], message: 'better-sqlite3 is only used under electron/ (the store).' },
  { group: ['node-llama-cpp', 'node-llama-cpp/*'], message: 'node-llama-cpp runs in the main/core process only (under electron/).' },
];

const rendererPaths = ['electron', 'ws', ...nodeBuiltins.filter((n) => !n.includes('*'))];
const rendererPatterns = [
  ...nativeOnlyInElectron,
  { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
  {
    group: ['**/electron/core/*', '**/electron/core/**', '**/electron/main/**', '**/electron/server/**', '**/electron/cli/**'],
    message: 'The renderer talks to the core only through the contract.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'dist/', 'native/llama.cpp/', 'native/build/', 'release/', 'test-results/', 'playwright-report/', 'resources/vocab/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: nativeOnlyInElectron }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The core is plain Node: three hosts drive it, and none of them may leak in.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom', 'zustand'],
        patterns: [{ group: ['**/main/*', '**/server/*', '**/cli/*'], message: 'The core must not depend on a host.' }],
      }],
    },
  },
  {
    // The contract is shared by every process: no Node, no DOM, no host or core code.
    files: ['electron/contract/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'better-sqlite3', 'node-llama-cpp', 'ws', ...nodeBuiltins.filter((n) => !n.includes('*'))],
        patterns: [{ group: ['node:*', '../*'], message: 'The contract is pure: zod and its own files only.' }],
      }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }],
    },
  },
  {
    // Components read stores; only store actions touch the transport.
    files: ['renderer/src/components/**/*.tsx', 'renderer/src/wizards/**/*.tsx', 'renderer/src/App.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: rendererPaths,
        patterns: [...rendererPatterns, { group: ['**/transport/*'], message: 'Components call store actions, never the transport.' }],
      }],
    },
  },
);
