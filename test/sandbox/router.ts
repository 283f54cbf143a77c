import type { Route } from './context'

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  /** The path exists with other methods (405, with Allow). */
  | { kind: 'method'; allowed: string[]; routeKind: Route['kind'] }
  /** A path parameter could not be percent-decoded. */
  | { kind: 'badParam'; route: Route; param: string }
  | { kind: 'none' }

interface Compiled {
  route: Route
  segments: string[]
}

function split(path: string): string[] {
  // One trailing slash is tolerated: one of Adobe's samples calls `/configuration/`
  // (docs/adobe-pass.md "Gaps").
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  return trimmed.split('/').slice(1)
}

/** A small table router: literal segments beat parameters by listing order (literal routes first). */
export class Router {
  private readonly compiled: Compiled[]

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: split(route.pattern) }))
  }

  match(method: string, path: string): RouteMatch {
    const parts = split(path)
    const allowed: string[] = []
    let allowedKind: Route['kind'] = 'api'
    for (const { route, segments } of this.compiled) {
      if (segments.length !== parts.length) continue
      const params: Record<string, string> = {}
      let ok = true
      let bad: string | undefined
      for (let i = 0; i < segments.length; i += 1) {
        const seg = segments[i] as string
        const part = parts[i] as string
        if (seg.startsWith(':')) {
          if (part === '') {
            ok = false
            break
          }
          try {
            params[seg.slice(1)] = decodeURIComponent(part)
          } catch {
            bad = seg.slice(1)
          }
        } else if (seg !== part) {
          ok = false
          break
        }
      }
      if (!ok) continue
      if (route.method !== method) {
        allowed.push(route.method)
        allowedKind = route.kind
        continue
      }
      if (bad !== undefined) return { kind: 'badParam', route, param: bad }
      return { kind: 'found', route, params }
    }
    if (allowed.length > 0) return { kind: 'method', allowed: [...new Set(allowed)], routeKind: allowedKind }
    return { kind: 'none' }
  }
}
