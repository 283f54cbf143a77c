import { createServer, type Server } from 'node:http'
import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

export interface StaticServer {
  readonly origin: string
  stop(): Promise<void>
}

/** The file a request path names inside root, or why not; never throws on what a client sends. */
function resolveRequest(root: string, target: string | undefined): { file: string } | { status: 400 | 403 | 404 } {
  let relative: string
  try {
    // decodeURIComponent throws on "%zz" or non-UTF-8 escapes: answered 400, not an uncaught exception.
    relative = normalize(decodeURIComponent(new URL(target ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '')
  } catch {
    return { status: 400 }
  }
  if (relative.includes('\0')) return { status: 400 }
  let file = join(root, relative)
  if (!file.startsWith(root + sep) && file !== root) return { status: 403 }
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html')
    // Only regular files: a directory here would make the read stream fail after the 200.
    if (!statSync(file).isFile()) return { status: 404 }
  } catch {
    return { status: 404 }
  }
  return { file }
}

/**
 * Serves a built app folder over loopback (the dev server of `npm start` and of browser tests). A bad
 * request or a file that vanishes mid-rebuild (`lng dist --watch`) fails that request only.
 */
export function serveFolder(folder: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const root = resolve(folder)
  const server: Server = createServer((req, res) => {
    const found = resolveRequest(root, req.url)
    if ('status' in found) {
      res.writeHead(found.status, { 'content-type': 'text/plain' }).end(found.status === 404 ? 'not found' : found.status === 400 ? 'bad request' : '')
      return
    }
    const stream = createReadStream(found.file)
    res.once('close', () => stream.destroy())
    stream.once('open', () => {
      res.writeHead(200, { 'content-type': types[extname(found.file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      stream.pipe(res)
    })
    stream.once('error', () => {
      if (res.headersSent) res.destroy()
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    })
  })
  return new Promise((resolveStart, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo
      resolveStart({
        origin: `http://${host}:${actual}`,
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
