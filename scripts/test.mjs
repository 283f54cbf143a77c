// `npm test`: every gate in order, stopping at the first that fails: typecheck, lint, unit and
// loopback tests, production build, legacy syntax check of the legacy dist, browser tests, the Tizen and
// webOS store packages and the tests that inspect them. Ends with one
// plain line "N passed, N failed" counting every test that ran (a failed gate counts as one failure).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const artifacts = 'test-artifacts'
mkdirSync(artifacts, { recursive: true })

const reports = []
const steps = [
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['unit + loopback tests', jest('unit-loopback', ['--selectProjects', 'unit', 'loopback'])],
  ['production build', ['node', 'scripts/build.mjs']],
  ['legacy syntax check', ['node', 'scripts/check-legacy-syntax.mjs', 'dist/es5']],
  ['browser tests', jest('browser', ['--selectProjects', 'browser', '--runInBand'])],
  ['Tizen package', ['npm', 'run', '--silent', 'package:tizen', '--', '--sandbox']],
  ['webOS package', ['npm', 'run', '--silent', 'package:webos', '--', '--sandbox']],
  ['packaging tests', jest('packaging', ['--selectProjects', 'packaging'])],
]

function jest(name, args) {
  const report = `${artifacts}/jest-${name}.json`
  reports.push(report)
  return ['npx', 'jest', ...args, '--json', `--outputFile=${report}`]
}

let gateFailures = 0
for (const [name, [command, ...args]] of steps) {
  const report = args.find((a) => a.startsWith('--outputFile='))?.slice('--outputFile='.length)
  if (report) rmSync(report, { force: true })
  console.log(`\n=== ${name}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.log(`=== ${name}: FAILED (${seconds} s)`)
    // A jest step's failures are counted from its report; any other gate counts as one failure.
    if (!report || !existsSync(report)) gateFailures += 1
    break
  }
  console.log(`=== ${name}: ok (${seconds} s)`)
}

let passed = 0
let failed = gateFailures
for (const report of reports) {
  if (!existsSync(report)) continue
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed += json.numPassedTests
  failed += json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || gateFailures > 0 ? 1 : 0)
