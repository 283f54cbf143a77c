/**
 * One HTTP request exactly as given (target, headers, Host included, source address), on its own
 * connection: for paths and headers that fetch would normalise or refuse to send.
 */
import { request } from 'node:http'

export interface RawRequest {
  readonly host: string
  readonly port: number | string
  readonly method?: string
  readonly path: string
  readonly headers?: Record<string, string>
  readonly localAddress?: string
  readonly body?: string
}

export interface RawAnswer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/** Host and port of an origin such as `http://127.0.0.1:4000`. */
export function hostAndPort(origin: string): { host: string; port: string } {
  const url = new URL(origin)
  return { host: url.hostname, port: url.port }
}

export function rawRequest(options: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host,
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    // A server that never answers fails the request quickly instead of at the test timeout.
    req.setTimeout(3000, () => req.destroy(new Error(`no answer to ${options.method ?? 'GET'} ${options.path}`)))
    req.end(options.body)
  })
}
