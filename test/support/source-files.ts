/** Source files the unit tests read as text (what the bundles hold, to check what they use). */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Every file under `dir` (recursively) whose name matches `pattern`. */
export function filesMatching(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesMatching(path, pattern)
    return pattern.test(name) ? [path] : []
  })
}

/** The app's TypeScript under src/ and the JavaScript of the two SDK packages the bundles take, from the repository root. */
export function bundledSources(): string[] {
  return [
    ...filesMatching('src', /\.ts$/),
    ...filesMatching(join('node_modules', '@lightningjs', 'sdk', 'src'), /\.js$/),
    ...filesMatching(join('node_modules', '@metrological', 'sdk', 'src'), /\.js$/),
  ]
}
