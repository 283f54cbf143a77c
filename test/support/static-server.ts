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

/** Serves a built app folder over loopback (the dev server of `npm start` and of browser tests). */
export function serveFolder(folder: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const root = resolve(folder)
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
    let path = join(root, relative)
    if (!path.startsWith(root + sep) && path !== root) {
      res.writeHead(403).end()
      return
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html')
      statSync(path)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    createReadStream(path).pipe(res)
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
