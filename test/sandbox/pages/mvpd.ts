/**
 * Stand-in TV provider pages: the login the authenticate URL redirects to (section 6.4) and the
 * logout page a `logout`/`interactive` answer points at (section 8A). Accepts catalog TEST_USERS.
 */
import { findMvpd, findUser } from '../catalog'
import type { RequestCtx } from '../context'
import { SandboxError } from '../errors'
import { escapeHtml, parseForm } from '../http'
import { completeSignIn } from '../signin'
import type { Session } from '../state'
import { donePath, pageCopy, sessionForTypedCode } from './activate'
import type { PageCopy } from './copy'
import { errorBox, renderPage, seeOther } from './layout'

function loginBody(t: PageCopy, mvpdName: string, mvpdId: string, code: string, username: string, error?: string): string {
  return (
    `<h1>${escapeHtml(t.loginTitle(mvpdName))}</h1>` +
    `<p>${escapeHtml(t.loginIntro(mvpdName))}</p>` +
    `<form class="card" method="post" action="/mvpd/${encodeURIComponent(mvpdId)}/login">` +
    `<input type="hidden" name="code" value="${escapeHtml(code)}">` +
    `<label for="username">${escapeHtml(t.username)}</label>` +
    `<input id="username" name="username" value="${escapeHtml(username)}" autocomplete="username" autocapitalize="none" required>` +
    `<label for="password">${escapeHtml(t.password)}</label>` +
    `<input id="password" name="password" type="password" autocomplete="current-password" required>` +
    errorBox(error) +
    `<button type="submit">${escapeHtml(t.signIn)}</button></form>`
  )
}

/** The session must be live and headed for this provider, else the journey starts again. */
function sessionFor(ctx: RequestCtx, code: string | null | undefined): Session | undefined {
  const session = sessionForTypedCode(ctx.sandbox, code)
  if (!session || session.params.mvpd !== ctx.params.mvpd) return undefined
  return session
}

function showLogin(ctx: RequestCtx): void {
  const { lang, t } = pageCopy(ctx)
  const mvpd = findMvpd(ctx.params.mvpd ?? '')
  const session = sessionFor(ctx, ctx.url.searchParams.get('code'))
  if (!mvpd || !session) return seeOther(ctx.res, '/activate?error=code')
  renderPage(ctx.res, {
    title: t.loginTitle(mvpd.displayName),
    brand: mvpd.displayName.toUpperCase(),
    lang,
    body: loginBody(t, mvpd.displayName, mvpd.id, session.code, ''),
  })
}

async function submitLogin(ctx: RequestCtx): Promise<void> {
  const { lang, t } = pageCopy(ctx)
  const mvpd = findMvpd(ctx.params.mvpd ?? '')
  const form = parseForm(await ctx.body())
  const session = sessionFor(ctx, form.code)
  if (!mvpd || !session) return seeOther(ctx.res, '/activate?error=code')
  const username = (form.username ?? '').trim()
  const user = findUser(username)
  if (!user || user.password !== form.password) {
    return renderPage(ctx.res, {
      title: t.loginTitle(mvpd.displayName),
      brand: mvpd.displayName.toUpperCase(),
      lang,
      body: loginBody(t, mvpd.displayName, mvpd.id, session.code, username, t.wrongLogin),
      status: 401,
    })
  }
  try {
    completeSignIn(ctx.sandbox, session, mvpd.id, user.username)
  } catch (error) {
    if (error instanceof SandboxError) return seeOther(ctx.res, '/activate?error=code')
    throw error
  }
  // Always the sandbox's done page: the TV's redirectUrl is usually a programmer page the sandbox cannot serve.
  seeOther(ctx.res, donePath(session))
}

function logoutPage(ctx: RequestCtx): void {
  const { lang, t } = pageCopy(ctx)
  const mvpd = findMvpd(ctx.params.mvpd ?? '')
  if (!mvpd) return seeOther(ctx.res, '/activate')
  const target = ctx.url.searchParams.get('redirectUrl')
  const safe = target && /^https?:\/\//i.test(target) ? target : undefined
  renderPage(ctx.res, {
    title: t.signedOutTitle(mvpd.displayName),
    brand: mvpd.displayName.toUpperCase(),
    lang,
    body:
      `<div class="card"><h1>${escapeHtml(t.signedOutHeading)}</h1><p>${escapeHtml(t.signedOut(mvpd.displayName))}</p>` +
      (safe ? `<a class="button" href="${escapeHtml(safe)}">${escapeHtml(t.continue)}</a>` : '') +
      `</div>`,
  })
}

export const mvpdHandlers = { showLogin, submitLogin, logoutPage }
