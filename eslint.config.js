// Lint with import zones: each runtime layer may only import what it can actually run.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];
const nativeOnlyInElectron = [
  {
    group: ['better-sqlite3', 'better-sqlite3/*', 'better-sqlite3-multiple-ciphers', 'better-sqlite3-multiple-ciphers/*'],
    message: 'SQLite (better-sqlite3-multiple-ciphers) is only used under electron/ (the store).',
  },
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
  {
    ignores: ['node_modules/', '.cache/', 'dist/', 'native/llama.cpp/', 'native/build/', 'release/', 'test-results/', 'playwright-report/', 'resources/vocab/'],
  },
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
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'zustand'],
          patterns: [{ group: ['**/main/*', '**/server/*', '**/cli/*'], message: 'The core must not depend on a host.' }],
        },
      ],
    },
  },
  {
    // Layers inside the core: engines are pure of the workspace (they take data and files, return results), services
    // own the workspace and the jobs, only store/ touches SQL. Nothing imports upward; tests and fixtures included.
    files: ['electron/core/{data,pii,train,gguf,llm,demoModel,eval,export,models,disk,network}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'zustand', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'],
          patterns: [
            { group: ['**/main/*', '**/server/*', '**/cli/*'], message: 'The core must not depend on a host.' },
            {
              group: ['**/service/**', '**/store/**', '**/jobs/**', '**/workspace.js', '**/core.js'],
              message: 'Engines are pure of the workspace: take data in, give results back; a service does the storing.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/{store,jobs}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'zustand'],
          patterns: [
            { group: ['**/main/*', '**/server/*', '**/cli/*'], message: 'The core must not depend on a host.' },
            { group: ['**/service/**', '**/core.js'], message: 'The store and the job manager sit below the services.' },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in store/ (repositories over prepared statements); everything else asks a repository.
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/store/**', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare'][arguments.0.type=/Literal|TemplateLiteral/]",
          message: 'SQL belongs in a repository under electron/core/store/.',
        },
        {
          selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/Literal|TemplateLiteral/]",
          message: 'SQL belongs in a repository under electron/core/store/.',
        },
      ],
    },
  },
  {
    // No import cycles anywhere in the main-process code.
    files: ['electron/**/*.ts'],
    plugins: { 'import-x': importX },
    // The TypeScript resolver maps our './x.js' specifiers to the .ts sources, so the rule sees every edge.
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.node.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // The contract is shared by every process: no Node, no DOM, no host or core code.
    files: ['electron/contract/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'electron',
            'react',
            'better-sqlite3',
            'better-sqlite3-multiple-ciphers',
            'node-llama-cpp',
            'ws',
            ...nodeBuiltins.filter((n) => !n.includes('*')),
          ],
          patterns: [{ group: ['node:*', '../*'], message: 'The contract is pure: zod and its own files only.' }],
        },
      ],
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
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [...rendererPatterns, { group: ['**/transport/*'], message: 'Components call store actions, never the transport.' }],
        },
      ],
    },
  },
);
