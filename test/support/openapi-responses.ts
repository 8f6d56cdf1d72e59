/**
 * Checks every response the test suite produces through the fake against the OpenAPI document
 * (`src/openapi/document.ts`): the body against its operation's schema for its status, with ajv in
 * JSON Schema 2020-12 mode, and the status itself (one the document does not list is a failure).
 * The setup file `openapi-setup.ts` hands it every mock the tests create, whether from the build
 * (`voiceable-mock`, `voiceable-mock/node`) or the sources, and each response is checked as the
 * mock's journal records it, before any `reset()` or trimming can drop it.
 *
 * Not checked, by design:
 * - responses to injected faults (`mock.faults.error`, network errors): they answer whatever was
 *   injected;
 * - mocks created with `revealKeyValues: true` (their List and Get send the secrets, the web app's
 *   variant, which the document, like the wire schemas, leaves out) or with no journal;
 * - the demo server's own answers to malformed HTTP (the streaming 413, 431, raw 400), which never
 *   reach the core and so no journal; and responses of servers in other processes (the CLI tests).
 */
import { appendFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import ajvFormats, { type FormatsPlugin } from 'ajv-formats'
import { ENDPOINTS } from '../../src/resources/index.js'
import type { JournalRecord } from '../../src/toolkit/journal.js'
import { createOpenApiDocument, toOpenApiPath } from '../../src/openapi/document.js'

type Json = Record<string, any>

interface Checker {
  /** The validator of an operation's response body for a status, or why there is none. */
  validatorFor(endpoint: string, method: string, status: number): ValidateFunction | string
  /** The `error` codes the document lists for an operation's status. */
  codesFor(endpoint: string, method: string, status: number): readonly string[] | undefined
}

let checker: Checker | undefined
/** Set when the first mock of a test file is created: files without one pay nothing. */
let preparing: Promise<void> | undefined
/** Records added before the checker was ready, checked once it is. */
const pending: JournalRecord[] = []

/** Compiles the document, once per test file. */
async function prepare(): Promise<void> {
  const { dereference } = await import('@readme/openapi-parser')
  const document = (await dereference(
    structuredClone(createOpenApiDocument({ version: 'test' })) as never,
  )) as Json
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
  // ajv-formats is CommonJS: the default import is the plugin, or carries it in `default`.
  const plugin = ajvFormats as unknown as FormatsPlugin & { default?: FormatsPlugin }
  ;(plugin.default ?? plugin)(ajv)
  const compiled = new Map<string, ValidateFunction>()
  const operationOf = (endpoint: string, method: string): Json | undefined => {
    const entry = ENDPOINTS.find(({ name }) => name === endpoint)
    if (entry === undefined) return undefined
    // A HEAD is journaled with the body its GET would have sent.
    return document['paths'][toOpenApiPath(entry.path)]?.[
      method === 'HEAD' ? 'get' : method.toLowerCase()
    ]
  }
  checker = {
    validatorFor(endpoint, method, status) {
      const key = `${endpoint} ${method} ${status}`
      const known = compiled.get(key)
      if (known !== undefined) return known
      let schema: Json | undefined
      if (endpoint === 'unknownRoute') schema = document['components']['schemas']['ErrorResponse']
      else {
        const operation = operationOf(endpoint, method)
        if (operation === undefined)
          return `the document has no operation for ${method} ${endpoint}`
        const response = operation['responses'][status]
        if (response === undefined)
          return `${operation['operationId']} answered ${status}, a status the OpenAPI document does not list for it`
        // A body that is not JSON (a recording) has no schema to check: the journal keeps its
        // type and length only.
        const json = response['content']['application/json']
        if (json === undefined) return Object.assign(() => true, { errors: null }) as never
        schema = json['schema']
      }
      const validate = ajv.compile(schema as Json)
      compiled.set(key, validate)
      return validate
    },
    codesFor(endpoint, method, status) {
      return operationOf(endpoint, method)?.['responses'][status]?.['x-error-codes']
    },
  }
}

/** What the checks found in the current test, and in the whole file so far. */
const failures: string[] = []
const checked = new Map<string, number>()
let skipped = { faults: 0, revealed: 0 }

function fail(record: JournalRecord, problem: string): void {
  failures.push(`${record.method} ${record.path} → ${record.status}: ${problem}`)
}

function check(record: JournalRecord): void {
  if (checker === undefined) {
    pending.push(record)
    return
  }
  const body: unknown = JSON.parse(record.responseText as string)
  const validate = checker.validatorFor(record.endpoint, record.method, record.status)
  if (typeof validate === 'string') return fail(record, validate)
  if (!validate(body))
    return fail(record, `the body does not match the document: ${JSON.stringify(validate.errors)}`)
  const codes = checker.codesFor(record.endpoint, record.method, record.status)
  const code = (body as { error?: unknown }).error
  if (codes !== undefined && !codes.includes(code as string))
    return fail(record, `error code ${String(code)} is not among ${codes.join(', ')}`)
  const key = `${record.endpoint} ${record.status}`
  checked.set(key, (checked.get(key) ?? 0) + 1)
}

/** What the tests injected into one mock: an answer with this status and first error is a fault's. */
interface InjectedError {
  status: number
  message: string | undefined
}

function isInjected(record: JournalRecord, injected: readonly InjectedError[]): boolean {
  if (record.responseText === null) return true // an injected network error
  if (injected.length === 0) return false
  const errors = (JSON.parse(record.responseText) as { errors?: unknown }).errors
  const first = Array.isArray(errors) && errors.length === 1 ? errors[0] : undefined
  return injected.some(
    ({ status, message }) =>
      status === record.status &&
      typeof first === 'string' &&
      // `ApiError.injected`: the fault's message, or `Injected fault: <status> <reason>`.
      (message === undefined ? first.startsWith(`Injected fault: ${status} `) : first === message),
  )
}

/** The members of a mock the checks reach into: its journal's `add`, which the core calls. */
interface TrackedMock {
  journal: object
  faults: { error(status: number, scope?: { message?: string }): unknown }
}

/** A fault spec as the control API adds it (`faults.add`, the demo server's `POST /faults`). */
interface FaultSpec {
  kind: string
  status?: number
  message?: string
}

const tracked = new WeakSet<object>()

/**
 * Checks every response a mock's journal records from now on. @note The core records each
 * request through `journal.add`, on the very object `mock.journal` is, so wrapping that method
 * on the instance sees every record, the library offering no hook; a test in
 * test/openapi.test.ts fails if it ever stops seeing them.
 */
export function trackMock(
  mock: TrackedMock,
  options: {
    revealKeyValues?: boolean | undefined
    journal?: false | { maxEntries?: number | undefined } | undefined
  } = {},
): void {
  const journal = mock.journal as { add?: (record: JournalRecord) => void }
  if (tracked.has(journal) || typeof journal.add !== 'function') return
  // A mock with no journal shares one that keeps nothing: wrapping it would track them all.
  if (options.journal === false || options.journal?.maxEntries === 0) return
  tracked.add(journal)
  if (preparing === undefined) {
    preparing = prepare()
    // Awaited (and so reported) by the next `assertResponsesMatched`.
    preparing.catch(() => {})
  }
  const injected: InjectedError[] = []
  const error = mock.faults.error.bind(mock.faults)
  mock.faults.error = (status, scope) => {
    injected.push({ status, message: scope?.message })
    return error(status, scope)
  }
  // The control API adds faults through `faults.add`, which calls no `error` method of the object.
  const faults = mock.faults as { add?: (spec: FaultSpec) => unknown }
  if (typeof faults.add === 'function') {
    const addFault = faults.add.bind(faults)
    faults.add = (spec) => {
      if (spec.kind === 'error' && spec.status !== undefined)
        injected.push({ status: spec.status, message: spec.message })
      return addFault(spec)
    }
  }
  const add = journal.add.bind(journal)
  journal.add = (record) => {
    add(record)
    if (options.revealKeyValues === true) skipped.revealed++
    else if (isInjected(record, injected)) skipped.faults++
    else check(record)
  }
}

/** How many responses have been checked in this test file so far. */
export function countCheckedResponses(): number {
  let total = pending.length
  for (const count of checked.values()) total += count
  return total
}

/** Throws, listing the responses that did not match, and clears the list. */
export async function assertResponsesMatched(): Promise<void> {
  if (preparing !== undefined) await preparing
  for (const record of pending.splice(0)) check(record)
  if (failures.length === 0) return
  const found = failures.splice(0)
  throw new Error(
    `${found.length} response(s) do not match the OpenAPI document:\n${found.slice(0, 10).join('\n')}`,
  )
}

/**
 * With `OPENAPI_RESPONSES_REPORT=<file>`, appends one JSON line per test file: the responses
 * checked by endpoint and status, and those skipped.
 */
export function reportCheckedResponses(file: string): void {
  const report = process.env['OPENAPI_RESPONSES_REPORT']
  if (report !== undefined && report !== '')
    appendFileSync(
      report,
      `${JSON.stringify({ file, checked: Object.fromEntries(checked), skipped })}\n`,
    )
  checked.clear()
  skipped = { faults: 0, revealed: 0 }
}
