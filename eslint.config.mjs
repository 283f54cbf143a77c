// Lint: typescript-eslint's recommended rules, and the layer rule of design.md section 1:
// src/core never imports Lightning or the UI (dependencies point inward).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'releases/', '.tmp/', 'support/', 'test-artifacts/', 'coverage/', 'test/bench/blank-app/dist/', '**/*.d.ts', '**/_debug.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@lightningjs/*'], message: 'src/core is framework-free: no Lightning imports (design.md §1).' },
            { group: ['**/ui', '**/ui/**'], message: 'src/core must not import the UI (design.md §1).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use the injected Clock (style.md rule 3).' }, { name: 'setInterval', message: 'Use the injected Clock (style.md rule 3).' }],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/*', '**/core/**', '!**/core/index', '!**/core'],
              message: 'The UI imports the core through src/core/index.ts only (design.md §1).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Pages own timers through Registry (style.md rule 3).' }, { name: 'setInterval', message: 'Pages own timers through Registry (style.md rule 3).' }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.js', 'scripts/**/*', 'jest.config.js', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
