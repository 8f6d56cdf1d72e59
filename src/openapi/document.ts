/**
 * The OpenAPI 3.1 document of the fake, generated from the endpoint table and the zod schemas the
 * handlers use (`z.toJSONSchema`); no schema is written here by hand. The build writes it to
 * `dist/openapi.json` (`scripts/openapi.mjs`), and the demo server serves it with its own base
 * URLs (`node/openapi-route.ts`).
 */
import * as z from 'zod'
import errorEnvelope from '../../fixtures/error-envelope.example.json' with { type: 'json' }
import { DOCUMENTED_BASE_URL, DOCUMENTED_DEVELOPMENT_BASE_URL } from '../defaults.js'
import {
  limitsPublicKeys,
  requiresCaller,
  toBodySpec,
  type AnyEndpoint,
  type DocumentedExample,
} from '../pipeline/endpoint.js'
import { PIPELINE_ERRORS, type ErrorDefinition } from '../pipeline/envelope.js'
import { toEndpointMethods } from '../pipeline/router.js'
import { ErrorResponseSchema, StatusSchema } from '../pipeline/wire.js'
import { RESOURCES } from '../resources/index.js'
import { SCENARIO_HEADER, SCENARIOS } from '../store/scenario-names.js'
import { documented } from './documented-example.js'

type Json = Record<string, unknown>

/** One entry of the document's `servers`. */
export interface OpenApiServer {
  url: string
  description: string
}

/** The document, typed as far as its readers (the build, the server, the tests) need. */
export interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string } & Json
  servers: OpenApiServer[]
  tags: Json[]
  paths: Record<string, Record<string, Json>>
  components: { schemas: Record<string, Json> } & Json
  [field: string]: unknown
}

export interface OpenApiDocumentOptions {
  /** `info.version`: the package's version. */
  version: string
  /** Default: the documented production and development base URLs. */
  servers?: readonly OpenApiServer[]
}

/** The documented base URLs, where the shipped document points. */
export const DOCUMENTED_SERVERS: readonly OpenApiServer[] = [
  {
    url: DOCUMENTED_BASE_URL,
    description: 'The documented production base URL (a placeholder host)',
  },
  {
    url: DOCUMENTED_DEVELOPMENT_BASE_URL,
    description: 'The documented development base URL, where `npx voiceable-mock` listens',
  },
]

const SCHEMA_REF = '#/components/schemas/'
const ref = (name: string): Json => ({ $ref: `${SCHEMA_REF}${name}` })
const JSON_MEDIA_TYPE = 'application/json'

type Resource = (typeof RESOURCES)[number]

/**
 * The named parts of the responses: each becomes a component, and every schema that holds one
 * refers to it: the envelope's `status`, each resource's parts, the error body. The response and
 * request bodies are named after their exports (below).
 */
const NAMED_PARTS: readonly (readonly [string, z.ZodType, Json])[] = [
  [
    'Status',
    StatusSchema,
    { description: 'The `status` object that opens every body; `code` repeats the HTTP status.' },
  ],
  ...RESOURCES.flatMap((resource: Resource) =>
    (resource.parts ?? []).map(
      ({ name, schema, description, ...rest }) => [name, schema, { description, ...rest }] as const,
    ),
  ),
  [
    'ErrorResponse',
    ErrorResponseSchema,
    {
      description:
        'Every error body: the documented generic envelope, with a stable code in `error` and every problem in plain words in `errors`.',
    },
  ],
]

/** The generic error envelope of the Introduction page: a 400 `Bad Request`. */
const ERROR_ENVELOPE_EXAMPLE = documented('Introduction, error envelope', errorEnvelope)

/** The name a schema is exported under in its resource's `schemas.ts`, without its `Schema` suffix. */
function exportedName(schema: z.ZodType): string {
  for (const resource of RESOURCES) {
    const found = Object.entries(resource.schemas).find(([, value]) => value === schema)
    if (found !== undefined) return found[0].replace(/Schema$/, '')
  }
  throw new Error(
    "Failed to name a schema: every endpoint schema must be exported by its resource's schemas.ts",
  )
}

/**
 * The JSON Schemas of a registry of named zod schemas, as components that refer to each other.
 * `io: 'input'` describes what a request may send, `'output'` what a response sends.
 */
function toComponents(
  named: readonly (readonly [string, z.ZodType, Json])[],
  io: 'input' | 'output',
): Record<string, Json> {
  const registry = z.registry<Json & { id: string }>()
  for (const [id, schema, meta] of named)
    if (!registry.has(schema)) registry.add(schema, { ...meta, id })
  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    // Descriptions and examples come from this registry too, never from zod's global one.
    metadata: registry,
    uri: (id) => `${SCHEMA_REF}${id}`,
  }).schemas
  const components: Record<string, Json> = {}
  for (const [id, { $id: _id, $schema: _schema, ...schema }] of Object.entries(converted))
    components[id] = schema
  return components
}

/** One zod schema as an inline JSON Schema (a parameter's or a header's). */
function toSchema(schema: z.ZodType): Json {
  const { $schema: _schema, ...json } = z.toJSONSchema(schema, { io: 'input' })
  return json
}

/**
 * Every error an endpoint answers when no fault is injected, by the pipeline's rules (`core.ts`):
 * - any request: 413 (a body over the limit, before anything else), 400 (an unknown scenario
 *   header), 429 (past the rate limit, on by default);
 * - 401 where a credential is required, 403 where public keys are limited (`endpoint.ts`);
 * - a body: 400 malformed (JSON, or a form, which any body may be) and 422 (`readFields`); a
 *   query: 422 (`parseFields`);
 * - then the resolver's own (`errors`).
 */
function errorsOf(endpoint: AnyEndpoint): ErrorDefinition[] {
  const errors: ErrorDefinition[] = [PIPELINE_ERRORS.payload_too_large, PIPELINE_ERRORS.bad_request]
  if (requiresCaller(endpoint.access)) errors.push(PIPELINE_ERRORS.unauthorized)
  if (limitsPublicKeys(endpoint.access)) errors.push(PIPELINE_ERRORS.forbidden)
  errors.push(PIPELINE_ERRORS.rate_limited)
  // @note A body documented as JSON may still come as a form: Rails parses a multipart body on
  // any route, and so does `bodyParams` (phone numbers read theirs so), so a broken one is 400
  // `invalid_form` there too. Found by the multipart fuzz (test/regressions/).
  if (endpoint.body !== undefined)
    errors.push(
      ...(toBodySpec(endpoint.body).mediaType === JSON_MEDIA_TYPE
        ? [PIPELINE_ERRORS.invalid_json, PIPELINE_ERRORS.invalid_form]
        : [PIPELINE_ERRORS.invalid_form]),
      PIPELINE_ERRORS.validation_failed,
    )
  if (endpoint.query !== undefined) errors.push(PIPELINE_ERRORS.validation_failed)
  errors.push(...(endpoint.errors ?? []))
  return [...new Set(errors)]
}

/** Who may call an endpoint: an API key or a Bearer token, optionally for `public` endpoints. */
function securityOf(endpoint: AnyEndpoint): Json[] {
  if (endpoint.access === 'anonymous') return []
  const schemes = [{ ApiKey: [] }, { Bearer: [] }]
  return requiresCaller(endpoint.access) ? schemes : [...schemes, {}]
}

const RATE_LIMIT_HEADERS: Json = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/X-RateLimit-Reset' },
}

const HEADER_COMPONENTS: Json = {
  'X-RateLimit-Limit': {
    description:
      'Requests a caller may make per window (the docs name the header; the limit, 1000 per 60 s by default, is our choice). Sent once the request is counted: not with a 413 or an unknown scenario header, nor with `rateLimit: false`.',
    schema: toSchema(z.int().positive()),
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: toSchema(z.int().nonnegative()),
  },
  'X-RateLimit-Reset': {
    description:
      'When the window resets, in epoch seconds (our choice: the docs name the header only).',
    schema: toSchema(z.int().nonnegative()),
  },
  'Retry-After': {
    description: 'Seconds until the rate-limit window resets.',
    required: true,
    schema: toSchema(z.int().positive()),
  },
}

/** The path in OpenAPI's template syntax: `/api_keys/:keyId` → `/api_keys/{keyId}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}')
}

function parametersOf(endpoint: AnyEndpoint): Json[] {
  const parameters: Json[] = []
  for (const [, name] of endpoint.path.matchAll(/:(\w+)/g)) {
    const param = endpoint.params?.[name as string]
    if (param === undefined)
      throw new Error(`Failed to document ${endpoint.name}: path parameter ${name} has no schema`)
    parameters.push({ name, in: 'path', required: true, schema: toSchema(param.schema) })
  }
  if (endpoint.query !== undefined) {
    const query = toSchema(endpoint.query) as { properties: Json; required?: string[] }
    for (const [name, schema] of Object.entries(query.properties))
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) === true,
        schema,
      })
  }
  parameters.push({ $ref: '#/components/parameters/Scenario' })
  return parameters
}

function examplesOf(example: DocumentedExample | undefined): Json {
  return example === undefined ? {} : { examples: { documented: example } }
}

/** The name of a shared error response: its codes in PascalCase, `BadRequestOrInvalidJson`. */
function toResponseName(errors: readonly ErrorDefinition[]): string {
  return errors
    .map(({ code }) => code.replace(/(?:^|_)(\w)/g, (_, letter: string) => letter.toUpperCase()))
    .join('Or')
}

/** An error response: the envelope, the codes it may carry, and the rate-limit headers. */
function toErrorResponse(status: number, errors: readonly ErrorDefinition[]): Json {
  return {
    description: errors.map((error) => error.description).join(' '),
    headers:
      status === 429
        ? { ...RATE_LIMIT_HEADERS, 'Retry-After': { $ref: '#/components/headers/Retry-After' } }
        : RATE_LIMIT_HEADERS,
    content: {
      [JSON_MEDIA_TYPE]: {
        schema: ref('ErrorResponse'),
        ...examplesOf(status === 400 ? ERROR_ENVELOPE_EXAMPLE : undefined),
      },
    },
    'x-error-codes': errors.map((error) => error.code),
  }
}

/**
 * An endpoint's responses: its success, then each error status it answers, by reference to a
 * shared error response (added to `shared`) named after the codes it carries.
 */
function responsesOf(endpoint: AnyEndpoint, shared: Record<string, Json>): Json {
  const responses: Json = {
    [endpoint.response.status]: {
      description: endpoint.doc.success,
      headers: RATE_LIMIT_HEADERS,
      content: {
        [endpoint.response.mediaType ?? JSON_MEDIA_TYPE]: {
          schema: ref(exportedName(endpoint.response.schema)),
          ...examplesOf(endpoint.examples?.response),
        },
      },
    },
  }
  const byStatus = new Map<number, ErrorDefinition[]>()
  for (const error of errorsOf(endpoint))
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), error])
  for (const [status, errors] of [...byStatus].sort(([a], [b]) => a - b)) {
    const name = toResponseName(errors)
    shared[name] ??= toErrorResponse(status, errors)
    responses[status] = { $ref: `#/components/responses/${name}` }
  }
  return responses
}

/** An endpoint's request body, by reference to its schema's component, in its media type. */
function requestBodyOf(endpoint: AnyEndpoint): Json {
  if (endpoint.body === undefined) return {}
  const { schema, mediaType } = toBodySpec(endpoint.body)
  return {
    requestBody: {
      required: true,
      content: {
        [mediaType]: {
          schema: ref(exportedName(schema)),
          ...examplesOf(endpoint.examples?.request),
        },
      },
    },
  }
}

function operationOf(
  endpoint: AnyEndpoint,
  tag: string,
  method: string,
  shared: Record<string, Json>,
): Json {
  const text = endpoint.doc
  const patch = method !== endpoint.method
  return {
    tags: [tag],
    summary: patch ? `${text.summary} (PATCH)` : text.summary,
    description: [
      text.description,
      patch
        ? `PATCH is the same endpoint as PUT: journaled as \`${endpoint.name}\`, with method \`PATCH\`.`
        : undefined,
      `Provenance: ${text.provenance}`,
    ]
      .filter((line) => line !== undefined)
      .join('\n\n'),
    // @note operationIds are unique, so PATCH, the one derived method listed, carries a suffix.
    operationId: patch ? `${endpoint.name}Patch` : endpoint.name,
    'x-evidence': text.evidence,
    parameters: parametersOf(endpoint),
    ...requestBodyOf(endpoint),
    responses: responsesOf(endpoint, shared),
    security: securityOf(endpoint),
  }
}

const DESCRIPTION = `The Voiceable REST API as [voiceable-mock](https://www.npmjs.com/package/voiceable-mock) fakes it, generated from the zod schemas its handlers use. Voiceable publishes no OpenAPI document: this is the machine-readable contract of the fake, which follows the docs wherever they speak.

Every endpoint the fake serves is listed, with every status it answers when no fault is injected (\`x-error-codes\` names the \`error\` codes of each). Each operation's \`x-evidence\` says what the endpoint rests on: \`docs\` (the Voiceable docs document it) or \`client\` (only the Voiceable web app's code shows it). Where the docs are silent, each operation's description says where its behaviour comes from: real-client evidence (the web app), a Rails default, or our choice.

Not listed: \`HEAD\`, answered for every \`GET\` as the \`GET\` would be, without a body (a Rails default); the \`.json\` format suffix, accepted on every path (a Rails default); the 404 \`route_not_found\` of a method and path no route holds; the answers of injected faults (\`mock.faults\`); and the demo server's own answers to HTTP it cannot parse, which never reach the API: 431 for headers over 16 KiB and 400 for a malformed request, both in the error envelope, the connection then closed.`

/**
 * The OpenAPI 3.1 document of every endpoint the fake serves, HEAD aside (see `DESCRIPTION`).
 * @example const document = createOpenApiDocument({ version: '0.2.0' })
 */
export function createOpenApiDocument(options: OpenApiDocumentOptions): OpenApiDocument {
  const paths: Record<string, Record<string, Json>> = {}
  const errorResponses: Record<string, Json> = {}
  const responses: [string, z.ZodType, Json][] = []
  const requests: [string, z.ZodType, Json][] = []
  for (const resource of RESOURCES)
    for (const endpoint of resource.endpoints as readonly AnyEndpoint[]) {
      const item = (paths[toOpenApiPath(endpoint.path)] ??= {})
      for (const method of toEndpointMethods(endpoint))
        if (method !== 'HEAD')
          item[method.toLowerCase()] = operationOf(
            endpoint,
            resource.tag.name,
            method,
            errorResponses,
          )
      const response = endpoint.response.schema
      responses.push([exportedName(response), response, {}])
      if (endpoint.body !== undefined) {
        const { schema } = toBodySpec(endpoint.body)
        requests.push([exportedName(schema), schema, {}])
      }
    }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Voiceable API (voiceable-mock)',
      summary: 'The Voiceable REST API as the voiceable-mock fake serves it',
      description: DESCRIPTION,
      version: options.version,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    externalDocs: {
      description: 'The Voiceable API reference',
      url: 'https://docs.voiceable.dev',
    },
    servers: [...(options.servers ?? DOCUMENTED_SERVERS)],
    tags: RESOURCES.map((resource) => ({ ...resource.tag })),
    paths,
    components: {
      schemas: {
        ...toComponents([...NAMED_PARTS, ...responses], 'output'),
        ...toComponents(requests, 'input'),
      },
      responses: Object.fromEntries(
        Object.entries(errorResponses).sort(([a], [b]) => a.localeCompare(b)),
      ),
      parameters: {
        Scenario: {
          name: SCENARIO_HEADER,
          in: 'header',
          required: false,
          description:
            "Switches the fake's store to a named scenario (and starts it again) when it names another one than the current; an unknown name is 400 `bad_request`. The fake's own header, not the API's.",
          schema: toSchema(z.enum(SCENARIOS)),
        },
      },
      headers: HEADER_COMPONENTS,
      securitySchemes: {
        ApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description:
            'An API key (documented). Every documented example sends `your-api-key-here`.',
        },
        Bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key, or a JWT from `POST /auth/sign_in` (documented: "JWT for web apps").',
        },
      },
    },
  }
}
