/**
 * Checks sandbox responses against Adobe's OpenAPI 3.0.1 files (openapi/restApiV2.json, dcrApi.json)
 * with ajv 8 + ajv-formats. `$ref`s to components resolve through a schema registered per file;
 * ajv's `nullable` support covers OpenAPI 3.0 `nullable` (the files use none today).
 *
 * Errata, both from springfox rendering java.lang.Object as `{"type":"object"}`: `Message` (the
 * `message` of ErrorInformation) and `UserMetadataResponse.value`. Adobe's pages give a string
 * message (enhanced error codes) and attribute values that are "simple | list | map" (user metadata,
 * samples show strings), so these two become "any value". openapi.test.ts pins that they still read that way.
 */
import Ajv, { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

import dcrSpec from '../openapi/dcrApi.json'
import restSpec from '../openapi/restApiV2.json'

type Json = Record<string, unknown>

interface Parameter {
  in: string
  name: string
  required?: boolean
}

interface Operation {
  operationId?: string
  parameters?: Parameter[]
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>
}

export interface OperationInfo {
  spec: 'rest' | 'dcr'
  method: string
  /** Path template as the file writes it, e.g. "/{serviceProvider}/profiles/code/{code}". */
  template: string
  /** Full sandbox path prefix + template, e.g. "/api/v2/{serviceProvider}/profiles/code/{code}". */
  fullTemplate: string
  operation: Operation
}

const SPECS = {
  rest: { doc: restSpec as unknown as Json, prefix: '/api/v2', id: 'restApiV2.json' },
  dcr: { doc: dcrSpec as unknown as Json, prefix: '/o', id: 'dcrApi.json' },
} as const

/** The two errata described above, applied to a copy of the components. */
export function patchedComponents(doc: Json): Json {
  const components = JSON.parse(JSON.stringify(doc.components)) as { schemas: Record<string, Json> }
  const schemas = components.schemas
  if (schemas.Message) schemas.Message = {}
  const meta = schemas.UserMetadataResponse as { properties?: Record<string, Json> } | undefined
  if (meta?.properties?.value) meta.properties.value = {}
  return components as unknown as Json
}

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
for (const { doc, id } of Object.values(SPECS)) ajv.addSchema({ $id: id, components: patchedComponents(doc) })

/** OAuth-style DCR error (docs/adobe-pass.md, "Dynamic Client Registration"); the DCR file gives the 400 no schema. */
const DCR_ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      enum: [
        'invalid_request',
        'invalid_redirect_uri',
        'invalid_software_statement',
        'unapproved_software_statement',
        'invalid_client',
        'unauthorized_client',
        'unsupported_grant_type',
      ],
    },
    error_description: { type: 'string' },
  },
}

/** Compiles a standalone schema with the same ajv settings (for checks of the checker itself). */
export function compileSchema(schema: Json): ValidateFunction {
  return ajv.compile(schema)
}

const compiled = new Map<string, ValidateFunction>()
function compile(specId: string, schema: Json): ValidateFunction {
  const text = JSON.stringify(schema).replace(/"#\/components\//g, `"${specId}#/components/`)
  let fn = compiled.get(text)
  if (!fn) {
    fn = ajv.compile(JSON.parse(text) as Json)
    compiled.set(text, fn)
  }
  return fn
}

export const OPERATIONS: OperationInfo[] = Object.entries(SPECS).flatMap(([spec, { doc, prefix }]) =>
  Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      spec: spec as 'rest' | 'dcr',
      method: method.toUpperCase(),
      template,
      fullTemplate: prefix + template,
      operation,
    })),
  ),
)

function templateRegex(fullTemplate: string): RegExp {
  return new RegExp(`^${fullTemplate.replace(/\{[^}]+\}/g, '[^/]+')}/?$`)
}

const literalCount = (t: string): number => t.split('/').filter((s) => s && !s.startsWith('{')).length

/** The operation a request path hits, preferring the template with more literal segments. */
export function findOperation(method: string, path: string): OperationInfo | undefined {
  return OPERATIONS.filter((o) => o.method === method.toUpperCase() && templateRegex(o.fullTemplate).test(path)).sort(
    (a, b) => literalCount(b.fullTemplate) - literalCount(a.fullTemplate),
  )[0]
}

export function requiredHeaders(op: OperationInfo): string[] {
  return (op.operation.parameters ?? []).filter((p) => p.in === 'header' && p.required).map((p) => p.name)
}

export function optionalHeaders(op: OperationInfo): string[] {
  return (op.operation.parameters ?? []).filter((p) => p.in === 'header' && !p.required).map((p) => p.name)
}

export interface SchemaCheck {
  /** operationId and the schema used, for messages. */
  against: string
  errors: string[]
}

/**
 * Validates a JSON body for (method, path, status). Statuses the operation does not list (403 on
 * profile and decision calls, 404/413 from the sandbox) are checked as ErrorInformation, which every
 * error status of the REST file uses.
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): SchemaCheck | undefined {
  const op = findOperation(method, path)
  if (!op) return undefined
  const { id } = SPECS[op.spec]
  const declared = op.operation.responses[String(status)]?.content?.['application/json']?.schema
  let schema: Json | undefined = declared
  let against = `${op.operation.operationId ?? op.template} ${status}`
  if (!schema && op.spec === 'dcr' && status >= 400) {
    schema = DCR_ERROR_SCHEMA
    against += ' (OAuth error)'
  }
  if (!schema && op.spec === 'rest' && status >= 400) {
    schema = { $ref: '#/components/schemas/ErrorInformation' }
    against += ' (ErrorInformation: status not listed)'
  }
  if (!schema) return { against, errors: [] }
  const validate = compile(id, schema)
  const ok = validate(body)
  return { against, errors: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`) }
}
