/**
 * Enhanced error codes (docs/adobe-pass.md "Errors", CL-ERR-1/2): the table the sandbox answers
 * from, and the error value handlers throw. The body *is* the error object at top level; item-level
 * errors (decisions) reuse the same objects inside a 200.
 */

export type EecAction = 'none' | 'configuration' | 'application-registration' | 'authentication' | 'authorization' | 'retry'

export interface EecEntry {
  readonly status: number
  readonly action: EecAction
  readonly message: string
}

/** The REST API V2 codes the sandbox can produce, status and action as Adobe's table lists them (docs/adobe-pass.md "Errors"). */
export const EEC = {
  invalid_parameter_service_provider: { status: 400, action: 'none', message: 'The service provider parameter value is missing or invalid.' },
  invalid_parameter_mvpd: { status: 400, action: 'none', message: 'The MVPD parameter value is missing or invalid.' },
  invalid_parameter_code: { status: 400, action: 'none', message: 'The code parameter value is missing or invalid.' },
  invalid_parameter_resources: { status: 400, action: 'none', message: 'The resources parameter value is missing or invalid.' },
  invalid_parameter_redirect_url: { status: 400, action: 'none', message: 'The redirect URL parameter value is missing or invalid.' },
  invalid_header_device_info: { status: 400, action: 'none', message: 'The device information header value is missing or invalid.' },
  invalid_header_device_identifier: { status: 400, action: 'none', message: 'The device identifier header value is missing or invalid.' },
  invalid_header_identity_for_temporary_access: { status: 400, action: 'none', message: 'The identity for temporary access header value is invalid.' },
  invalid_integration: { status: 400, action: 'none', message: 'The integration between the service provider and the MVPD is missing or disabled.' },
  invalid_authentication_session: { status: 400, action: 'none', message: 'The authentication session is missing or no longer valid.' },
  preauthorization_denied_by_mvpd: { status: 403, action: 'none', message: 'The MVPD has returned a deny decision for the preauthorization request.' },
  authorization_denied_by_mvpd: { status: 403, action: 'none', message: 'The MVPD has returned a deny decision for the authorization request.' },
  authorization_denied_by_parental_controls: { status: 403, action: 'none', message: 'The MVPD has returned a deny decision because of parental controls.' },
  authorization_denied_by_degradation_rule: { status: 403, action: 'none', message: 'A degradation rule denies authorization.' },
  internal_server_error: { status: 500, action: 'none', message: 'The server could not complete the request.' },
  too_many_resources: { status: 403, action: 'configuration', message: 'Too many resources were requested at once.' },
  invalid_configuration_temporary_access: { status: 500, action: 'configuration', message: 'The temporary access configuration is invalid.' },
  invalid_access_token_service_provider: {
    status: 401,
    action: 'application-registration',
    message: 'The access token is not valid for this service provider.',
  },
  invalid_access_token_client_application: { status: 401, action: 'application-registration', message: 'The access token is missing, unknown or expired.' },
  authenticated_profile_missing: { status: 403, action: 'authentication', message: 'There is no authenticated profile for this MVPD.' },
  authenticated_profile_expired: { status: 403, action: 'authentication', message: 'The authenticated profile has expired.' },
  authenticated_profile_invalidated: { status: 403, action: 'authentication', message: 'The authenticated profile has been invalidated.' },
  temporary_access_duration_limit_exceeded: { status: 403, action: 'authentication', message: 'The temporary access duration has been used up.' },
  temporary_access_resources_limit_exceeded: { status: 403, action: 'authentication', message: 'The temporary access resource count has been used up.' },
  authorization_denied_by_hba_policies: { status: 403, action: 'authentication', message: 'The device is no longer in the home network.' },
  authorization_denied_by_session_invalidated: { status: 403, action: 'authentication', message: 'The MVPD has invalidated the session.' },
  identity_not_recognized_by_mvpd: { status: 403, action: 'authentication', message: 'The MVPD does not recognise the user.' },
  network_received_error: { status: 403, action: 'retry', message: 'A partner service returned an error.' },
  network_connection_timeout: { status: 403, action: 'retry', message: 'A partner service did not answer in time.' },
  maximum_execution_time_exceeded: { status: 403, action: 'retry', message: 'The request took longer than allowed.' },

  // Sandbox only: the docs give no code for these transport-level failures (section 15 item 15), so the
  // body keeps the enhanced error shape with a plainly named code and action "none".
  invalid_header_content_type: { status: 400, action: 'none', message: 'The Content-Type header is missing or not the one this operation takes.' },
  method_not_allowed: { status: 405, action: 'none', message: 'This HTTP method is not allowed on this path.' },
  resource_not_found: { status: 404, action: 'none', message: 'No operation exists at this path.' },
  request_entity_too_large: { status: 413, action: 'none', message: 'The request body is larger than the sandbox accepts.' },
  invalid_request_target: { status: 400, action: 'none', message: 'The request URL cannot be decoded.' },
} as const satisfies Record<string, EecEntry>

export type EecCode = keyof typeof EEC

export interface EecBody {
  status: number
  code: string
  message: string
  details?: string
  helpUrl: string
  trace: string
  action: string
}

/** Absolute URL (section 9: helpUrl is absolute and must not be derived from the code by clients). */
const HELP_URL =
  'https://experienceleague.adobe.com/en/docs/pass/authentication/integration-guide-programmers/features-standard/error-reporting/enhanced-error-codes'

let traceCounter = 0
/** Opaque per-response ID, like Adobe's `trace` (quoted to support). */
export function newTrace(): string {
  traceCounter = (traceCounter + 1) % 0xffffff
  return `sbx-${Date.now().toString(36)}-${traceCounter.toString(36)}`
}

export function eecBody(code: EecCode, details?: string): EecBody {
  const entry: EecEntry = EEC[code]
  const body: EecBody = {
    status: entry.status,
    code,
    message: entry.message,
    helpUrl: HELP_URL,
    trace: newTrace(),
    action: entry.action,
  }
  if (details !== undefined) body.details = details
  return body
}

/** Thrown by handlers; the server turns it into a top-level enhanced error response. */
export class SandboxError extends Error {
  readonly body: EecBody
  readonly httpStatus: number
  constructor(code: EecCode, details?: string, httpStatus?: number) {
    super(`${code}${details ? `: ${details}` : ''}`)
    this.body = eecBody(code, details)
    this.httpStatus = httpStatus ?? this.body.status
  }
}

/** OAuth-style DCR error: DCR does not use enhanced error codes (docs/adobe-pass.md "Dynamic Client Registration"). */
export type DcrErrorCode =
  | 'invalid_request'
  | 'invalid_redirect_uri'
  | 'invalid_software_statement'
  | 'unapproved_software_statement'
  | 'invalid_client'
  | 'unauthorized_client'
  | 'unsupported_grant_type'

export class DcrError extends Error {
  constructor(
    readonly error: DcrErrorCode,
    readonly description?: string,
  ) {
    super(error)
  }
}
