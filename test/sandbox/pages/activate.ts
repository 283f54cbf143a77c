/**
 * The programmer's companion web app, as the client-server cookbook describes it (docs/adobe-pass.md
 * "TV flow", step 3): enter the code (or arrive from the QR code with it filled in), validate it
 * (CL-AUTHN-R1), pick a TV provider when the TV did not preselect one, resume the session, then open
 * the authenticate URL. It calls the sandbox's own state directly: it has no access token of its own.
 */
import { findMvpd, findServiceProvider } from '../catalog'
import { normaliseTypedCode } from '../codes'
import type { RequestCtx, SandboxContext } from '../context'
import { activeMvpds, logoUrl } from '../routes/configuration'
import { escapeHtml, parseForm } from '../http'
import type { Session } from '../state'
import { PAGE_COPY, type PageCopy } from './copy'
import { pageLanguage, rememberForcedLanguage, type PageLanguage } from './language'
import { errorBox, renderPage, seeOther } from './layout'

/** The request's language and its texts (language.ts: Accept-Language, or `?lang=` kept in a cookie). */
export function pageCopy(ctx: RequestCtx): { lang: PageLanguage; t: PageCopy } {
  const lang = pageLanguage(ctx.req, ctx.url)
  rememberForcedLanguage(ctx.res, ctx.url)
  return { lang, t: PAGE_COPY[lang] }
}

/** The live session behind a typed code, whatever its service provider (codes are unique among live sessions). */
export function sessionForTypedCode(sandbox: SandboxContext, typed: string | null | undefined): Session | undefined {
  if (!typed) return undefined
  const session = sandbox.state.sessions.get(normaliseTypedCode(typed))
  if (!session || !sandbox.state.isLive(session) || sandbox.clock.now() < session.notBefore) return undefined
  return session
}

export function authenticatePath(session: Session): string {
  return `/api/v2/authenticate/${encodeURIComponent(session.serviceProvider)}/${encodeURIComponent(session.code)}`
}

export function donePath(session: Session): string {
  return `/activate/done?code=${encodeURIComponent(session.code)}`
}

function brandOf(t: PageCopy, session: Session | undefined): string {
  return (session && findServiceProvider(session.serviceProvider)?.name.toUpperCase()) ?? t.brand
}

function codeForm(t: PageCopy, code: string, error?: string): string {
  return (
    `<h1>${escapeHtml(t.codeTitle)}</h1>` +
    `<p>${escapeHtml(t.codeIntro)}</p>` +
    `<form class="card" method="post" action="/activate">` +
    `<label for="code">${escapeHtml(t.codeLabel)}</label>` +
    `<input class="code" id="code" name="code" value="${escapeHtml(code)}" maxlength="16" autocomplete="one-time-code" autocapitalize="characters" autocorrect="off" spellcheck="false" required autofocus>` +
    errorBox(error) +
    `<button type="submit">${escapeHtml(t.continue)}</button>` +
    `</form>` +
    `<p class="hint">${escapeHtml(t.codeHint)}</p>`
  )
}

/** GET /activate — `?code=` (from the QR code) prefills the field; the viewer confirms it. */
function showForm(ctx: RequestCtx): void {
  const { lang, t } = pageCopy(ctx)
  const code = normaliseTypedCode(ctx.url.searchParams.get('code') ?? '')
  const error = ctx.url.searchParams.get('error') === 'code' ? t.badCode : undefined
  renderPage(ctx.res, { title: t.codeTitle, body: codeForm(t, code, error), status: error ? 400 : 200, lang, brand: t.brand })
}

/** POST /activate — validate the code; preselected provider → its sign-in, else → the picker. */
async function submitCode(ctx: RequestCtx): Promise<void> {
  const { lang, t } = pageCopy(ctx)
  const form = parseForm(await ctx.body())
  const session = sessionForTypedCode(ctx.sandbox, form.code)
  if (!session) {
    return renderPage(ctx.res, {
      title: t.checkCodeTitle,
      body: codeForm(t, normaliseTypedCode(form.code ?? ''), t.badCode),
      status: 400,
      lang,
      brand: t.brand,
    })
  }
  if (session.completedAt !== undefined) return seeOther(ctx.res, donePath(session))
  if (session.params.mvpd && findMvpd(session.params.mvpd)?.active) return seeOther(ctx.res, authenticatePath(session))
  seeOther(ctx.res, `/activate/provider?code=${encodeURIComponent(session.code)}`)
}

function pickerBody(ctx: RequestCtx, t: PageCopy, session: Session, error?: string): string {
  // Second-screen picker lists the configuration's providers; TempPass is for the TV only (FAQ Config 7 allows filtering).
  const items = activeMvpds()
    .filter((m) => !m.isTempPass)
    .map(
      (m) =>
        `<li><button type="submit" name="mvpd" value="${escapeHtml(m.id)}">` +
        `<img src="${escapeHtml(logoUrl(ctx.sandbox, m))}" alt="">` +
        `<span>${escapeHtml(m.displayName)}</span></button></li>`,
    )
    .join('')
  return (
    `<h1>${escapeHtml(t.pickTitle)}</h1>` +
    `<p>${escapeHtml(t.pickIntro)}</p>` +
    errorBox(error) +
    `<form class="card" method="post" action="/activate/provider">` +
    `<input type="hidden" name="code" value="${escapeHtml(session.code)}">` +
    `<ul class="providers">${items}</ul></form>`
  )
}

/** GET /activate/provider?code= — the provider picker from the configuration. */
function showPicker(ctx: RequestCtx): void {
  const { lang, t } = pageCopy(ctx)
  const session = sessionForTypedCode(ctx.sandbox, ctx.url.searchParams.get('code'))
  if (!session) return seeOther(ctx.res, '/activate?error=code')
  renderPage(ctx.res, { title: t.pickTitle, body: pickerBody(ctx, t, session), brand: brandOf(t, session), lang })
}

/** POST /activate/provider — resume the session with the chosen mvpd (section 6.2), then authenticate. */
async function pickProvider(ctx: RequestCtx): Promise<void> {
  const { lang, t } = pageCopy(ctx)
  const form = parseForm(await ctx.body())
  const session = sessionForTypedCode(ctx.sandbox, form.code)
  if (!session) return seeOther(ctx.res, '/activate?error=code')
  const mvpd = form.mvpd ? findMvpd(form.mvpd) : undefined
  if (!mvpd || !mvpd.active || mvpd.isTempPass) {
    return renderPage(ctx.res, {
      title: t.pickTitle,
      body: pickerBody(ctx, t, session, t.pickMissing),
      status: 400,
      brand: brandOf(t, session),
      lang,
    })
  }
  const sp = findServiceProvider(session.serviceProvider)
  // The TV may have left out domainName/redirectUrl (section 6.1 UNSPECIFIED); the companion fills them.
  ctx.sandbox.state.updateSession(session, {
    mvpd: mvpd.id,
    domainName: session.params.domainName ?? sp?.domains[0],
    redirectUrl: session.params.redirectUrl ?? `${ctx.sandbox.publicOrigin()}${donePath(session)}`,
  })
  seeOther(ctx.res, authenticatePath(session))
}

/** GET /activate/done?code= — the end of the second-screen journey. */
function done(ctx: RequestCtx): void {
  const { lang, t } = pageCopy(ctx)
  const session = sessionForTypedCode(ctx.sandbox, ctx.url.searchParams.get('code'))
  if (!session || session.completedAt === undefined) return seeOther(ctx.res, '/activate')
  const mvpd = session.params.mvpd ? findMvpd(session.params.mvpd) : undefined
  const target = session.params.redirectUrl
  const ownDone = target?.startsWith(ctx.sandbox.publicOrigin()) ?? true
  renderPage(ctx.res, {
    title: t.doneTitle,
    brand: brandOf(t, session),
    lang,
    body:
      `<div class="card"><div class="ok" aria-hidden="true">✓</div>` +
      `<h1>${escapeHtml(t.doneTitle)}</h1>` +
      `<p>${escapeHtml(t.done(mvpd?.displayName))}</p>` +
      (target && !ownDone ? `<p class="hint">${escapeHtml(t.doneContinueAt)} <a href="${escapeHtml(target)}">${escapeHtml(target)}</a>.</p>` : '') +
      `</div>`,
  })
}

export const activateHandlers = { showForm, submitCode, showPicker, pickProvider, done }
