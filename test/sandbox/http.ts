import type { IncomingMessage, ServerResponse } from 'node:http'

import { EecBody, SandboxError } from './errors'

/** Largest request body the sandbox reads (the biggest real one, a decisions call, is far below). */
export const MAX_BODY_BYTES = 64 * 1024
/** Past this the connection is dropped instead of drained, so a runaway client cannot hold the server. */
const MAX_DRAIN_BYTES = 8 * 1024 * 1024

/** Section 2: samples send `application/json;charset=UTF-8`. */
export const JSON_TYPE = 'application/json;charset=UTF-8'
export const HTML_TYPE = 'text/html;charset=UTF-8'

export class BodyTooLargeError extends Error {}

/**
 * Reads the whole body, keeping at most MAX_BODY_BYTES. An oversized body is drained (so the client
 * can read the answer) and then rejected with BodyTooLargeError.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_DRAIN_BYTES) {
        req.destroy()
        reject(new BodyTooLargeError())
        return
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', JSON_TYPE)
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.setHeader('Cache-Control', 'no-store')
  res.end(text)
}

export function sendEec(res: ServerResponse, body: EecBody, httpStatus = body.status): void {
  sendJson(res, httpStatus, body)
}

export function sendError(res: ServerResponse, error: SandboxError): void {
  sendEec(res, error.body, error.httpStatus)
}

export function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', type)
  res.setHeader('Content-Length', Buffer.byteLength(text))
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store')
  res.end(text)
}

export function redirect(res: ServerResponse, location: string, status = 302): void {
  res.statusCode = status
  res.setHeader('Location', location)
  res.setHeader('Content-Length', 0)
  res.setHeader('Cache-Control', 'no-store')
  res.end()
}

/** Media type without parameters, lower-cased ("application/json;charset=utf-8" → "application/json"). */
export function mediaType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const base = header.split(';')[0]?.trim().toLowerCase()
  return base === '' ? undefined : base
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  if (Array.isArray(value)) return value.join(',')
  return value
}

/** application/x-www-form-urlencoded → last value per key (repeated keys are not used by the API). */
export function parseForm(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) out[k] = v
  return out
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * True when the path or query of a parsed request URL holds a percent sign that is not a valid
 * escape ("%zz", a lone "%") or escapes that are not UTF-8 ("%C3%28"). URL and URLSearchParams
 * pass such input through or turn it into U+FFFD, while decodeURIComponent throws; refusing the
 * request up front keeps every handler on well-formed input.
 */
export function hasBadPercentEncoding(url: URL): boolean {
  for (const part of [url.pathname, url.search.slice(1)]) {
    try {
      decodeURIComponent(part)
    } catch {
      return true
    }
  }
  return false
}
