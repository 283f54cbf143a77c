/**
 * The legacy syntax check (scripts/legacy-syntax.mjs) accepts what Chromium 53 parses and rejects
 * what it does not, naming the file and line, so a bundle lowered less than promised fails the build
 * instead of a TV; and the built dist/es5 is lowered no further than that (classes kept), so a build
 * that fell back to the Lightning CLI's own Chrome 39 settings is noticed too.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

interface SyntaxProblem {
  readonly line: number
  readonly column: number
  readonly message: string
}
interface LegacySyntax {
  legacySyntaxError(code: string): SyntaxProblem | null
  checkLegacyDist(root: string): { checked: string[]; failures: string[] }
}

// A plain .mjs module, hence untyped.
const modulePath = '../../scripts/legacy-syntax.mjs'
let check: LegacySyntax
beforeAll(async () => {
  check = (await import(modulePath)) as LegacySyntax
})

describe('legacySyntaxError', () => {
  test.each([
    ['a class with a method and a getter', 'class A extends B { m() { return super.m() } get x() { return 1 } }'],
    ['an arrow with default and rest parameters', 'var f = (a = 1, ...r) => a ** 2 + r.length'],
    ['let, const, destructuring, a template literal and spread', 'let [a, { b }] = c; const t = `${a}${b}`; f(...t)'],
    ['a generator', 'function* g() { yield 1 }'],
  ])('accepts %s', (_, code) => {
    expect(check.legacySyntaxError(code)).toBeNull()
  })

  test.each([
    ['an async function', 'var x = 1;\nasync function f() { await x }'],
    ['an async arrow', 'var f = async () => 1'],
    ['an object spread', 'var a = { ...b }'],
    ['an object rest', 'var { a, ...r } = b'],
    ['a trailing comma in a parameter list', 'function f(a,) {}'],
    ['optional chaining', 'a?.b'],
    ['nullish coalescing', 'a ?? b'],
    ['a class field', 'class A { x = 1 }'],
    ['optional catch binding', 'try {} catch {}'],
    ['a regexp lookbehind', 'var r = /(?<=a)b/'],
    ['a regexp named group', 'var r = /(?<n>a)/'],
    ['the regexp dotAll flag', 'var r = /a./s'],
  ])('rejects %s', (_, code) => {
    expect(check.legacySyntaxError(code)).not.toBeNull()
  })

  test('names the line and column of the first construct it rejects', () => {
    expect(check.legacySyntaxError('var x = 1;\nvar y = { ...x }')).toMatchObject({ line: 2, column: 10 })
  })
})

describe('checkLegacyDist', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'legacy-syntax-'))
    mkdirSync(join(root, 'js'))
    writeFileSync(join(root, 'js', 'ok.js'), 'class A {}\nvar f = () => new A()\n')
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  test('passes a dist whose scripts all parse', () => {
    writeFileSync(join(root, 'index.html'), '<html>\n<script>var s = { a: 1 }</script>\n</html>\n')
    const { checked, failures } = check.checkLegacyDist(root)
    expect(failures).toEqual([])
    expect(checked).toHaveLength(2)
  })

  test('fails a script and an inline script with the file and line of each', () => {
    writeFileSync(join(root, 'js', 'app.js'), 'var a = 1\nvar b = 2\nasync function f() {}\n')
    writeFileSync(join(root, 'index.html'), '<html>\n<head>\n  <script>var s = { ...o }</script>\n</head>\n</html>\n')
    const { failures } = check.checkLegacyDist(root)
    expect(failures).toEqual([
      expect.stringMatching(new RegExp(`^${escape(join(root, 'js', 'app.js'))}:3:7: `)),
      expect.stringMatching(new RegExp(`^${escape(join(root, 'index.html'))}:3:21: .*\\(inline script\\)$`)),
    ])
  })
})

describe('dist/es5, as npm run build makes it', () => {
  const script = (name: string): string => {
    const file = join('dist', 'es5', 'js', name)
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`)
    return readFileSync(file, 'utf8')
  }

  // The Router's states are classes it names by their class names (`_setState('Widgets')`).
  test('the app bundle keeps its classes and their names, as the legacy targets allow', () => {
    const app = script('appBundle.es5.js')
    expect(app).toMatch(/\bclass Widgets extends\b/)
    expect(check.legacySyntaxError(app)).toBeNull()
  })

  // Lightning core is bundled into it from its ES modules (rollup.es5.config.js), not shipped beside it.
  test('Lightning core is inside the app bundle, its classes and their names kept', () => {
    expect(script('appBundle.es5.js')).toMatch(/\bclass StateMachine\b/)
    expect(existsSync(join('dist', 'es5', 'js', 'lightning.es5.min.js'))).toBe(false)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
