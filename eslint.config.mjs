// @ts-check
import { builtinModules } from 'node:module';
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node built-ins a workflow must not reach (the sandbox has no I/O; `assert` it provides); `node:*` is a pattern below. */
const nodeBuiltins = builtinModules.filter((m) => m !== 'assert' && !m.startsWith('_') && !m.startsWith('node:'));
const notInWorkflows = 'Workflow code runs in a deterministic sandbox: reach the world through an activity.';

export default defineConfig(
  globalIgnores(['dist/', '.tools/', '.data/', 'node_modules/', 'coverage/', 'bench-results/']),
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Augmenting a library's published namespaces (exceljs's stream reader) needs `declare module { namespace … }`.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // supertest's `res.body` and Jest's asymmetric matchers (`expect.any`, …) are typed `any`: asserting on them is the tests' job.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Config files outside tsconfig.json: plain JavaScript, no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
  },
  {
    // Temporal's samples restrict workflow files the same way: the bundle must stay deterministic and small.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: notInWorkflows })),
          patterns: [
            { group: ['node:*'], message: notInWorkflows },
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-*', 'uuid', 'bullmq', 'ioredis'], message: notInWorkflows },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: notInWorkflows },
            {
              group: ['**/src/**', '!**/src/domain', '!**/src/domain/**'],
              message: 'Workflows import only src/domain/ (pure rules); other types belong in the workflow contract.',
            },
            {
              group: ['**/workers', '**/workers/**'],
              message: 'Workflows never import workers/, not even types: the activity interface lives in the contract.',
            },
          ],
        },
      ],
    },
  },
);
