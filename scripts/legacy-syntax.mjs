// The legacy syntax check (legacy-targets.mjs): every script of the legacy dist, and index.html's
// inline scripts, must parse at `legacyEcmaVersion`, the syntax Chromium 53 parses. A single newer
// construct is a SyntaxError there, which leaves the TV on a black screen. Only syntax is judged:
// a pattern handed to `new RegExp` as a string, or a missing API, is not.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'
import { legacyEcmaVersion } from './legacy-targets.mjs'

/** Where `code` stops parsing at the legacy syntax (1-based line, 0-based column), or null. */
export function legacySyntaxError(code) {
  try {
    parse(code, { ecmaVersion: legacyEcmaVersion, sourceType: 'script', allowHashBang: false })
    return null
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const { line, column } = error.loc ?? { line: 1, column: 0 }
    return { line, column, message: error.message.replace(/ \(\d+:\d+\)$/, '') }
  }
}

const scriptsUnder = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return scriptsUnder(path)
      return name.endsWith('.js') ? [path] : []
    })

/**
 * Checks every .js under `root` and the inline scripts of `root`/index.html. Returns what was
 * checked and each failure as `file:line:column: message` (an inline script's line is index.html's).
 */
export function checkLegacyDist(root) {
  const checked = []
  const failures = []
  for (const file of scriptsUnder(root)) {
    checked.push(file)
    const error = legacySyntaxError(readFileSync(file, 'utf8'))
    if (error) failures.push(`${file}:${error.line}:${error.column + 1}: ${error.message}`)
  }
  const htmlFile = join(root, 'index.html')
  const html = readFileSync(htmlFile, 'utf8')
  for (const match of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    checked.push(`${htmlFile} (inline script)`)
    const error = legacySyntaxError(match[1])
    if (!error) continue
    const bodyStart = (match.index ?? 0) + '<script>'.length
    const lineBefore = html.slice(0, bodyStart).split('\n').length - 1
    const column = error.line === 1 ? bodyStart - html.lastIndexOf('\n', bodyStart - 1) - 1 + error.column : error.column
    failures.push(`${htmlFile}:${lineBefore + error.line}:${column + 1}: ${error.message} (inline script)`)
  }
  return { checked, failures }
}
