/**
 * The static server `npm start` serves the app from (port 8080) and the browser tests use: a bad
 * URL or an unreadable entry fails that one request, never the process (which would stop `npm start`).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { hostAndPort, rawRequest, type RawAnswer } from '../support/raw-http'
import { serveFolder, StaticServer } from '../support/static-server'

let dir: string
let web: StaticServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dev-server-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>')
  // A folder whose index.html is itself a folder: passes a stat, then fails on read.
  mkdirSync(join(dir, 'odd', 'index.html'), { recursive: true })
  web = await serveFolder(dir)
})
afterAll(async () => {
  await web.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** An exact request target (fetch would re-encode some of these). */
const get = (target: string): Promise<RawAnswer> => rawRequest({ ...hostAndPort(web.origin), path: target })

describe('static server of the app', () => {
  it.each(['/%zz', '/%', '/%C3%28', '/js/%E0%A4%A.js', '/%00'])('answers %s with 400 and keeps serving', async (target) => {
    expect((await get(target)).status).toBe(400)
    const index = await get('/index.html')
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>app</title>')
  })

  it('answers 404 for an entry it cannot read as a file, and keeps serving', async () => {
    expect((await get('/odd')).status).toBe(404)
    expect((await get('/missing.js')).status).toBe(404)
    expect((await get('/')).status).toBe(200)
  })

  it('survives a bad URL as its own process, as under npm start', async () => {
    const script = join(dir, 'serve.ts')
    writeFileSync(
      script,
      `import { serveFolder } from ${JSON.stringify(join(__dirname, '..', 'support', 'static-server'))}\nvoid serveFolder(${JSON.stringify(dir)}).then((s) => console.log(s.origin))\n`,
    )
    const child = spawn(join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx'), [script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let exited = false
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.once('exit', () => (exited = true))
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          const m = /http:\/\/\S+/.exec(out)
          if (m) resolve(m[0])
        })
        child.once('exit', (code) => reject(new Error(`exited ${String(code)} before listening`)))
      })
      const url = new URL(origin)
      const ask = (target: string): Promise<number> =>
        new Promise((resolve) => {
          const req = request({ host: url.hostname, port: url.port, path: target, agent: false }, (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          })
          req.on('error', () => resolve(0))
          req.end()
        })
      expect(await ask('/%zz')).toBe(400)
      expect(await ask('/odd')).toBe(404)
      expect(await ask('/index.html')).toBe(200)
      expect(exited).toBe(false)
    } finally {
      child.kill('SIGTERM')
      await gone
    }
  }, 20000)

  it('still keeps requests inside the folder', async () => {
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).not.toBe(200)
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).not.toBe(200)
  })
})
