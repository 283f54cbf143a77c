/** Jest projects: jsdom unit tests, node tests over loopback (sandbox + client integration), and
 * browser tests (real Chromium against a built dist; run after the build, see package.json), and
 * packaging tests (the .wgt and .ipk; run after `npm run package:tizen` and `package:webos`). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }]
const esmPackages = ['@lightningjs', '@metrological', '@michieljs', 'localcookies', 'ky', 'idb-keyval', '@noble/hashes']
const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  setupFilesAfterEnv: ['<rootDir>/test/support/setup-each.ts'],
}

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: '<rootDir>/test/support/jsdom-environment.js',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFiles: ['jest-canvas-mock'],
    },
    {
      ...common,
      displayName: 'loopback',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/sandbox/**/*.test.ts', '<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'packaging',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/packaging/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
}
