/**
 * A loopback HTTP front for the sandbox, for answers its fault switches cannot give: response
 * headers such as Retry-After, and bodies sent without Content-Length that never end. Every other
 * request is forwarded to the sandbox unchanged (DCR, tokens, the throttle and the request log stay
 * the sandbox's); the client is pointed at the front's origin instead of the sandbox's.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Sandbox } from '../sandbox'

export interface EdgeReply {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  /** Sent with Content-Length. */
  readonly body?: string
  /** Instead of `body`: this many bytes in 16 KiB chunks, without Content-Length (chunked). */
  readonly streamBytes?: number
  /** After the bytes, keep the response open: a body that never ends. */
  readonly stall?: boolean
}

export interface EdgeEntry {
  readonly method: string
  readonly path: string
  /** Sandbox-clock ms, comparable with the sandbox's own log. */
  readonly time: number
  readonly status: number
  readonly by: 'edge' | 'sandbox'
}

export interface Edge {
  readonly origin: string
  /** Answers the next `count` requests whose path matches (0: until stopped) with `reply`. */
  reply(path: RegExp, reply: EdgeReply, count?: number): void
  log(): EdgeEntry[]
  stop(): Promise<void>
}

interface Rule {
  readonly path: RegExp
  readonly reply: EdgeReply
  remaining: number
}

const CHUNK = 16 * 1024

function answer(res: ServerResponse, reply: EdgeReply, date: string): void {
  res.statusCode = reply.status
  res.setHeader('Date', date)
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value)
  if (reply.streamBytes === undefined) {
    const body = reply.body ?? ''
    res.setHeader('Content-Length', Buffer.byteLength(body))
    res.end(body)
    return
  }
  if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'application/json;charset=UTF-8')
  // The first bytes open a JSON object; the rest is filler a parser would never see the end of.
  let left = reply.streamBytes
  res.write('{"profiles":{},"pad":"')
  while (left > 0) {
    const size = Math.min(CHUNK, left)
    res.write('x'.repeat(size))
    left -= size
  }
  if (!reply.stall) res.end('"}')
}

export async function startEdge(sandbox: Sandbox): Promise<Edge> {
  const upstream = new URL(sandbox.origin)
  const rules: Rule[] = []
  const entries: EdgeEntry[] = []

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET'
    const path = new URL(req.url ?? '/', 'http://edge.invalid').pathname
    const time = sandbox.now()
    const rule = rules.find((r) => r.remaining > 0 && r.path.test(path))
    if (rule) {
      rule.remaining -= 1
      entries.push({ method, path, time, status: rule.reply.status, by: 'edge' })
      req.resume()
      answer(res, rule.reply, new Date(time).toUTCString())
      return
    }
    const out = forward({ host: upstream.hostname, port: upstream.port, method, path: req.url, headers: req.headers, agent: false }, (up) => {
      entries.push({ method, path, time, status: up.statusCode ?? 0, by: 'sandbox' })
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    out.on('error', () => res.destroy())
    req.pipe(out)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    origin: `http://127.0.0.1:${port}`,
    reply(path, reply, count = 1) {
      rules.push({ path, reply, remaining: count <= 0 ? Infinity : count })
    },
    log: () => entries.slice(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
