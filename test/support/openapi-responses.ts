/**
 * Checks every response the test suite produces through the fake against the OpenAPI document
 * (`src/openapi/document.ts`): the body against its operation's schema for its status, with ajv in
 * JSON Schema 2020-12 mode, and the status itself (one the document does not list is a failure).
 * The setup file `openapi-setup.ts` hands it the journal records of every mock the tests create.
 *
 * Not checked, by design:
 * - responses to injected faults (`mock.faults`): they answer whatever was injected;
 * - mocks created with `revealKeyValues: true`: their List and Get send the secrets, the web app's
 *   variant, which the document (like the wire schemas) leaves out;
 * - the demo server's own answers to malformed HTTP (the streaming 413, 431, raw 400), which never
 *   reach the core and so no journal; and responses of servers in other processes (the CLI tests).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { appendFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import ajvFormats, { type FormatsPlugin } from 'ajv-formats'
import type { CoreRuntime } from '../../src/core.js'
import { ENDPOINTS } from '../../src/endpoints/table.js'
import type { JournalRecord } from '../../src/journal.js'
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
        schema = response['content']['application/json']['schema']
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

/** Per request: whether an injected fault answered it (`faults.apply` marks it). */
const requests = new AsyncLocalStorage<{ faulted: boolean }>()

/**
 * The runtime a core is created with, its fault injector and journal wrapped: every journal
 * record is checked as it is added, unless a fault answered the request or secrets are revealed.
 */
export function instrumentRuntime(runtime: CoreRuntime): CoreRuntime {
  if (preparing === undefined) {
    preparing = prepare()
    // Awaited (and so reported) by the next `assertResponsesMatched`.
    preparing.catch(() => {})
  }
  const { faults, journal } = runtime
  const markFaulted = (): void => {
    const request = requests.getStore()
    if (request !== undefined) request.faulted = true
  }
  return {
    ...runtime,
    faults: {
      ...faults,
      apply(endpoint, principal, signal) {
        const applied = faults.apply(endpoint, principal, signal)
        return applied?.then(
          (outcome) => {
            if (outcome !== undefined) markFaulted()
            return outcome
          },
          (error: unknown) => {
            markFaulted()
            throw error
          },
        )
      },
    },
    journal: {
      ...journal,
      add(record) {
        if (requests.getStore()?.faulted === true || record.responseText === null) skipped.faults++
        else if (runtime.revealKeyValues) skipped.revealed++
        else check(record)
        journal.add(record)
      },
    },
  }
}

/** Runs one request of a core in its own context, so that a fault marks that request only. */
export function inRequestContext<T>(run: () => T): T {
  return requests.run({ faulted: false }, run)
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
