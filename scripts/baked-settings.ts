/**
 * Reads back the settings `lng dist` baked into an index.html (`var appSettings = {…}` in an inline
 * script of the CLI's template), with a JavaScript parser rather than by matching braces: used to
 * confirm the store build carries the settings it was given, and by the packaging tests.
 */
import { parse } from 'acorn'

export function bakedAppSettings(html: string): Record<string, unknown> {
  for (const [, body = ''] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    const program = parse(body, { ecmaVersion: 5, sourceType: 'script' })
    for (const statement of program.body) {
      if (statement.type !== 'VariableDeclaration') continue
      for (const declaration of statement.declarations) {
        if (declaration.id.type === 'Identifier' && declaration.id.name === 'appSettings' && declaration.init?.type === 'ObjectExpression') {
          return JSON.parse(body.slice(declaration.init.start, declaration.init.end)) as Record<string, unknown>
        }
      }
    }
  }
  throw new Error('index.html: no inline `var appSettings = {…}` (did the Lightning CLI template change?)')
}
