// Lint: typescript-eslint's recommended rules and the layer rules of docs/architecture.md:
// src/core never imports Lightning or the UI, and inside core each layer imports only the layers
// below it, so an import that runs back up is an error.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

/** The layers of src/core, lowest first (docs/architecture.md "Layers"). */
const CORE_LAYERS = ['base', 'platform', 'speech', 'pass', 'storage', 'flow', 'decisions']
const frameworkFree = [
  { group: ['@lightningjs/*'], message: 'src/core is framework-free: no Lightning imports (docs/architecture.md).' },
  { group: ['**/ui', '**/ui/**'], message: 'src/core must not import the UI (docs/architecture.md).' },
]
/** For each core layer: no import of a layer above it, nor of the core barrel. */
const layerRules = CORE_LAYERS.map((layer, index) => ({
  files: [`src/core/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...frameworkFree,
          ...CORE_LAYERS.slice(index + 1).map((above) => ({
            group: [`../${above}`, `../${above}/*`, `**/core/${above}/**`],
            message: `core/${layer} sits below core/${above}: it may import only ${CORE_LAYERS.slice(0, index).join(', ') || 'nothing in core'} (docs/architecture.md "Layers").`,
          })),
          { group: ['../index', '../../core', '**/core/index'], message: 'Inside core, import the module itself, not the barrel.' },
        ],
      },
    ],
  },
}))

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      'releases/',
      '.tmp/',
      'support/',
      'test-artifacts/',
      'coverage/',
      'test/bench/blank-app/dist/',
      '**/*.d.ts',
      '**/_debug.ts',
    ],
  },
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
      'no-restricted-imports': ['error', { patterns: frameworkFree }],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use the injected Clock (docs/architecture.md "Time").' },
        { name: 'setInterval', message: 'Use the injected Clock (docs/architecture.md "Time").' },
      ],
    },
  },
  ...layerRules,
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/*', '**/core/**', '!**/core/index', '!**/core'],
              message: 'The UI imports the core through src/core/index.ts only (docs/architecture.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Pages own timers through Registry (docs/architecture.md "Time").' },
        { name: 'setInterval', message: 'Pages own timers through Registry (docs/architecture.md "Time").' },
      ],
    },
  },
  {
    // The view model and the copy are framework-free: what each screen shows and which intents it
    // sends, testable without a stage (docs/architecture.md "Screens").
    files: ['src/ui/model/**/*.ts', 'src/ui/copy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/*', '**/core/**', '!**/core/index', '!**/core'],
              message: 'The UI imports the core through src/core/index.ts only (docs/architecture.md).',
            },
            { group: ['@lightningjs/*'], message: 'src/ui/model and src/ui/copy are framework-free: no Lightning imports (docs/architecture.md "Screens").' },
            {
              group: ['**/pages', '**/pages/**', '**/components/**', '**/widgets/**', '**/theme/**', '**/lightning/**', '**/App', '**/routes'],
              message: 'The view model does not depend on the Lightning side of the UI (docs/architecture.md "Screens").',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.js', 'scripts/**/*', 'jest.config.js', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
