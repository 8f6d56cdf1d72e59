/**
 * The control API of the demo server, under `/__voiceable/`: what an e2e suite in another process
 * needs of the fake (reset, scenario, snapshots, faults, the journal, sessions), over HTTP. It never
 * reaches the core: control requests are not journaled, not rate-counted and not faulted.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type * as z from 'zod'
import type { HeaderLookup } from '../pipeline/credentials.js'
import { ApiError, PIPELINE_MESSAGES } from '../pipeline/envelope.js'
import type { JournalQuery } from '../toolkit/journal.js'
import type { MockInternals } from '../mock.js'
import { SnapshotError } from '../store/snapshot.js'
import { parseInput, strictShape } from '../internal/input-validation.js'
import { describeValue } from '../internal/describe-value.js'
import { FaultSpecSchema } from '../toolkit/fault-schemas.js'
import { JournalQuerySchema } from '../toolkit/journal-schemas.js'
import { ScenarioSchema } from '../store/scenario-names.js'
import { originOfHost } from './host-origin.js'
import { checkSessionId, SESSION_HEADER } from './sessions.js'

/** Where the control API lives: outside every base path of the API. */
export const CONTROL_PATH = '/__voiceable'

/** Control bodies may be this large, so that a large snapshot fits. */
export const CONTROL_MAX_BODY_BYTES = 64 * 1024 * 1024

/** Who may use the control API. */
export interface ControlPolicy {
  /** `Authorization: Bearer <token>` admits a control request from anywhere. */
  token: string | undefined
}

/** The sentences of the control API's refusals and problems, named so that tests can assert them. */
export const CONTROL_MESSAGES = {
  pageOrigin:
    "Control requests from a web page on another origin are refused (only the server's own page, the inspector, may send them); send Authorization: Bearer <control token>",
  notLoopback: (address: string): string =>
    `Control requests from ${address} need Authorization: Bearer <control token> (start the server with --control-token <token>)`,
  noToken:
    'This server has no control token: start it with --control-token <token> (controlToken in code), or send no Authorization header from this machine',
  wrongToken: 'The control token does not match the one the server was started with',
  foreignHost: (host: string): string =>
    `Control requests must name the server by IP address or localhost, not ${JSON.stringify(host.slice(0, 100))} (a page on another site could have pointed that name here); send Authorization: Bearer <control token>`,
  notJson: (reason: string): string => `The body must be JSON: ${reason}`,
  notObject: 'The body must be a JSON object',
} as const

/** True for the path of a control route (or the control API's root). */
export function isControlPath(pathname: string): boolean {
  return pathname === CONTROL_PATH || pathname.startsWith(`${CONTROL_PATH}/`)
}

/**
 * A `Host` that names this machine directly: `localhost` (or `*.localhost`), an IPv4 address or a
 * bracketed IPv6 address, with an optional port. @note Any other name could be a DNS-rebinding
 * page's own domain, resolved to 127.0.0.1: the browser would send no `Origin` for its
 * same-origin GET and let the page read the answer.
 */
function isDirectHost(host: string | undefined): boolean {
  if (host === undefined) return true
  const name = host.replace(/:\d+$/, '').toLowerCase()
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(name) ||
    /^\[[\da-f:.]+\]$/.test(name)
  )
}

/**
 * Whether an `Origin` is this server's own, at the origin the request's `Host` names (the
 * inspector's page, at `localhost:3000` as at `127.0.0.1:3000`). The `Host` rule still applies.
 */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  const own = originOfHost(host)
  return own !== undefined && origin === own
}

/** `127.0.0.0/8`, `::1` and their IPv4-mapped forms. */
function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4.startsWith('127.') || address === '::1'
}

function sameSecret(given: string, expected: string): boolean {
  // @note Compared as digests, so the comparison takes the same time whatever the lengths.
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * Whether a control request is admitted, and why not:
 * - `Authorization: Bearer <token>` with the server's token admits it from anywhere; a wrong
 *   token (or a token sent to a server without one) is refused, never ignored;
 * - a request with an `Origin` header comes from a web page: refused without the token, unless
 *   it is the server's own origin as the `Host` names it (the inspector's page);
 * - a `Host` other than an IP address or `localhost` may be a DNS-rebinding page: refused too;
 * - otherwise only a request from a loopback address is admitted.
 */
export function checkControlAccess(
  policy: ControlPolicy,
  request: {
    origin: string | undefined
    authorization: string | undefined
    remoteAddress: string | undefined
    host?: string | undefined
  },
): { ok: true } | { ok: false; reason: string } {
  if (request.authorization !== undefined) {
    if (policy.token === undefined) return { ok: false, reason: CONTROL_MESSAGES.noToken }
    const bearer = /^Bearer +(\S+) *$/i.exec(request.authorization)?.[1]
    return bearer !== undefined && sameSecret(bearer, policy.token)
      ? { ok: true }
      : { ok: false, reason: CONTROL_MESSAGES.wrongToken }
  }
  if (request.origin !== undefined && !isOwnOrigin(request.origin, request.host))
    return { ok: false, reason: CONTROL_MESSAGES.pageOrigin }
  if (!isDirectHost(request.host))
    return { ok: false, reason: CONTROL_MESSAGES.foreignHost(request.host ?? '') }
  if (isLoopback(request.remoteAddress)) return { ok: true }
  return {
    ok: false,
    reason: CONTROL_MESSAGES.notLoopback(request.remoteAddress ?? 'an unknown address'),
  }
}

/** A request body as the server reads it, on demand (after the request is admitted). */
export type ControlBody =
  | { kind: 'ok'; bytes: Uint8Array | undefined }
  | { kind: 'too-large'; closeConnection: boolean }
  | { kind: 'aborted' }

export interface ControlRequest {
  method: string
  /** The path under the origin, e.g. `/__voiceable/faults/fault-1`. */
  pathname: string
  query: URLSearchParams
  header: HeaderLookup
  remoteAddress: string | undefined
  /** Reads the body, up to `CONTROL_MAX_BODY_BYTES`. */
  body(): Promise<ControlBody> | ControlBody
}

/** A control answer: JSON text with its status, or a stream of server-sent events. */
export interface ControlAnswer {
  status: number
  body: string
  /** Close the connection after answering (the rest of an oversized body is not read). */
  closeConnection?: boolean
  /** The body's type; JSON unless said. */
  contentType?: string
  /**
   * Instead of `body`, a stream (server-sent events): it writes until `signal` aborts, when the
   * client goes away or the server closes.
   */
  stream?: (write: (chunk: string) => void, signal: AbortSignal) => void
}

export interface ControlApiOptions {
  policy: ControlPolicy
  /** The mock a request acts on: the session's when it names one, else the default. */
  target(session: string | undefined): MockInternals
  /** Drops every session (`DELETE /__voiceable/sessions`). */
  clearSessions(): void
  /** More routes, as `'METHOD /path'` (the inspector's, `inspector-routes.ts`). */
  routes?: Readonly<Record<string, ControlRoute>>
}

export interface ControlApi {
  /** Answers a control request; `undefined` when the client went away while sending its body. */
  handle(request: ControlRequest): Promise<ControlAnswer | undefined>
}

const ScenarioBodySchema = strictShape({ name: ScenarioSchema }, 'field')

/** A control success: `{"status":{"code":…,"message":"OK"}}` and `fields`. */
export function ok(status: number, fields: Record<string, unknown> = {}): ControlAnswer {
  return { status, body: JSON.stringify({ status: { code: status, message: 'OK' }, ...fields }) }
}

function invalid(problems: readonly string[]): never {
  throw new ApiError('validation_failed', problems)
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) invalid([CONTROL_MESSAGES.notJson('the body is empty')])
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown
  } catch (error) {
    invalid([CONTROL_MESSAGES.notJson(error instanceof Error ? error.message : String(error))])
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalid([CONTROL_MESSAGES.notObject])
  const result = parseInput(schema, input, 'the body')
  return result.ok ? result.value : invalid(result.problems)
}

/** Journal query fields that are numbers (`userId` may also be `null`); the others are strings. */
const NUMERIC_QUERY_FIELDS: ReadonlySet<string> = new Set(['userId', 'keyId', 'status'])

/** The query string as a journal query: numbers as numbers, `userId=null` as `null`. */
function toJournalQuery(query: URLSearchParams): unknown {
  const fields: Record<string, unknown> = {}
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name)
    if (values.length > 1)
      invalid([`${name} must be given at most once, got ${describeValue(values)}`])
    const value = values[0] as string
    fields[name] = !NUMERIC_QUERY_FIELDS.has(name)
      ? value
      : value === 'null'
        ? null
        : /^-?\d+(\.\d+)?$/.test(value)
          ? Number(value)
          : value
  }
  return fields
}

/** The routes, as `METHOD /path`; `:id` matches one segment. */
export type ControlRoute = (
  mock: MockInternals,
  body: () => unknown,
  request: ControlRequest,
  id: string,
) => ControlAnswer | Promise<ControlAnswer>

/** Creates the control API's handler over the default mock and its sessions. */
export function createControlApi(options: ControlApiOptions): ControlApi {
  const routes: Record<string, ControlRoute> = {
    ...options.routes,
    'POST /reset': ({ mock }) => {
      mock.reset()
      return ok(200)
    },
    'PUT /scenario': ({ mock }, body) => {
      mock.useScenario(parse(ScenarioBodySchema, body()).name)
      return ok(200)
    },
    'GET /snapshot': ({ mock }) => ({ status: 200, body: JSON.stringify(mock.snapshot()) }),
    'PUT /snapshot': ({ mock }, body) => {
      const snapshot = body()
      try {
        mock.restore(snapshot)
      } catch (error) {
        if (error instanceof SnapshotError) invalid(error.problems)
        throw error
      }
      return ok(200)
    },
    'POST /faults': ({ faults }, body) => {
      const spec = parse(FaultSpecSchema, body())
      try {
        return ok(201, { id: faults.add(spec).id })
      } catch (error) {
        if (error instanceof TypeError) invalid([error.message])
        throw error
      }
    },
    'GET /faults': ({ faults }) => ok(200, { faults: faults.describe() }),
    'DELETE /faults': ({ faults }) => {
      faults.clear()
      return ok(200)
    },
    'DELETE /faults/:id': ({ faults }, _body, _request, id) =>
      ok(200, { removed: faults.remove(id) }),
    'GET /journal': ({ mock }, _body, { query }) => {
      // @note zod types an absent field as `undefined`; parsed from a plain object, it stays absent.
      const parsed = parse(JournalQuerySchema, toJournalQuery(query)) as JournalQuery
      return ok(200, { entries: mock.journal.entries(parsed) })
    },
    'DELETE /journal': ({ mock }) => {
      mock.journal.clear()
      return ok(200)
    },
    'DELETE /sessions': () => {
      options.clearSessions()
      return ok(200)
    },
  }

  function findRoute(
    method: string,
    pathname: string,
  ): { route: ControlRoute; id: string } | undefined {
    const rest = pathname.slice(CONTROL_PATH.length)
    const exact = routes[`${method} ${rest}`]
    if (exact !== undefined) return { route: exact, id: '' }
    const match = /^(\/[a-z]+)\/([^/]+)$/.exec(rest)
    const withId = match === null ? undefined : routes[`${method} ${match[1] ?? ''}/:id`]
    return withId === undefined ? undefined : { route: withId, id: match?.[2] ?? '' }
  }

  async function answer(request: ControlRequest): Promise<ControlAnswer | undefined> {
    const access = checkControlAccess(options.policy, {
      origin: request.header('origin'),
      authorization: request.header('authorization'),
      remoteAddress: request.remoteAddress,
      host: request.header('host'),
    })
    if (!access.ok) throw new ApiError('forbidden', [access.reason])
    const found = findRoute(request.method, request.pathname)
    if (found === undefined)
      throw new ApiError('route_not_found', [
        PIPELINE_MESSAGES.routeNotFound(request.method, request.pathname),
      ])
    const session = request.header(SESSION_HEADER.toLowerCase())
    const problem = session === undefined ? undefined : checkSessionId(session)
    if (problem !== undefined) throw new ApiError('bad_request', [problem])
    const read = request.body()
    const body = read instanceof Promise ? await read : read
    if (body.kind === 'aborted') return undefined
    if (body.kind === 'too-large') {
      const error = new ApiError('payload_too_large', [
        PIPELINE_MESSAGES.payloadTooLarge(CONTROL_MAX_BODY_BYTES),
      ])
      return {
        status: error.status,
        body: JSON.stringify(error.toBody()),
        closeConnection: body.closeConnection,
      }
    }
    // @note Sessions are made on first use, by a control request as by an API request.
    const target = options.target(session)
    return found.route(target, () => parseJson(body.bytes), request, found.id)
  }

  return {
    async handle(request) {
      try {
        return await answer(request)
      } catch (error) {
        const apiError = error instanceof ApiError ? error : ApiError.internal(error)
        return { status: apiError.status, body: JSON.stringify(apiError.toBody()) }
      }
    },
  }
}
