/**
 * `verifyBackend()`: the fake against a real Voiceable backend. Sends a corpus of requests
 * derived from the endpoint table and names every difference between each answer and the one
 * the fake would give. Node only (`voiceable-mock/node`), also behind `voiceable-mock verify`.
 */
import * as z from 'zod'
import {
  BooleanSchema,
  checkInput,
  functionSchema,
  PositiveIntegerSchema,
  strictShape,
} from '../../internal/input-validation.js'
import { ENDPOINTS, RESOURCES } from '../../resources/index.js'
import { BackendClient, VerifyError } from './client.js'
import { FakeSide } from './fake.js'
import { displayUrl, Redactor } from './redact.js'
import { Run, type NotChecked, type VerifyFinding, type VerifyRequest } from './run.js'
import { runSafeCorpus } from './safe-corpus.js'
import { describeWritePlan, planWriteCycles, runWriteCycles } from './write-cycle.js'

export { VerifyError }
export type { NotChecked, VerifyFinding, VerifyRequest }

export interface VerifyOptions {
  /**
   * The backend's base URL, with the API's prefix: `https://api.voiceable.dev/voiceable-api` (the
   * real backend) or one ending in `/api/v1` (as documented).
   */
  baseUrl: string
  /** A private API key of a test account. Never printed, nor written in findings or reports. */
  apiKey: string
  /**
   * Also create, read back, update and delete a record of each resource that opts in (an API
   * key, an agent), leaving nothing behind. Default `false`: only requests that change nothing.
   */
  write?: boolean | undefined
  /** How long to wait for each answer, in ms. Default 30000. */
  timeoutMs?: number | undefined
  /** The longest wait on one 429 (`Retry-After`) before it is reported as a 429. Default 120000. */
  maxRateLimitWaitMs?: number | undefined
  /** Receives progress lines: what `write` will create, before it starts, and each wait on the rate limit. */
  onProgress?: ((line: string) => void) | undefined
  /** The `fetch` to send requests with. Default the global one. */
  fetch?: typeof fetch | undefined
}

/** What a run found. */
export interface VerifyResult {
  /** The base URL checked (without any user name or password). */
  readonly baseUrl: string
  readonly write: boolean
  /** Every request sent and checked, in order. */
  readonly requests: readonly VerifyRequest[]
  /** Every difference: one line each. None means the backend answers as the fake does. */
  readonly findings: readonly VerifyFinding[]
  /** Requests still answered 429 after waiting: not checked, and not differences. */
  readonly rateLimited: readonly VerifyRequest[]
  /** Requests not sent, and why (a list with nothing to take an id from). */
  readonly notChecked: readonly NotChecked[]
  /** Records `write` created and could not delete, one sentence each. */
  readonly leftBehind: readonly string[]
}

const VerifyOptionsSchema = strictShape(
  {
    baseUrl: z
      .string({ error: 'must be an http(s) URL with the API prefix' })
      .refine(
        (url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol),
        'must be an http(s) URL with the API prefix',
      )
      .refine(
        (url) => !URL.canParse(url) || new URL(url).pathname.replace(/\/+$/, '') !== '',
        'must end with the API prefix: /voiceable-api (the real backend) or /api/v1 (as documented)',
      ),
    apiKey: z
      .string({ error: 'must be an API key' })
      .regex(/^\S+$/, 'must be an API key: not empty, no spaces'),
    write: BooleanSchema.optional(),
    timeoutMs: PositiveIntegerSchema.optional(),
    maxRateLimitWaitMs: z.number().int().nonnegative().optional(),
    onProgress: functionSchema<(line: string) => void>('(line) => void').optional(),
    fetch: functionSchema<typeof fetch>('typeof fetch').optional(),
  } satisfies Record<keyof VerifyOptions, z.ZodType>,
  'option',
)

/** The resource of each endpoint, by endpoint name. */
const RESOURCE_OF: ReadonlyMap<string, string> = new Map(
  RESOURCES.flatMap((resource) =>
    resource.endpoints.map((endpoint) => [endpoint.name, resource.name] as const),
  ),
)

/**
 * Checks a Voiceable backend against the fake: every endpoint of the table, by requests that
 * change nothing (reads, 401s, 404s), and with `write` a create-to-delete cycle of its own
 * records. Resolves with every difference, one line each (`result.findings`); rejects with a
 * `VerifyError` when it cannot check (`reason`: `unreachable`, `refused` key, `not-api` base URL)
 * and with a `TypeError` for bad options.
 * @example
 * const result = await verifyBackend({ baseUrl: 'https://api.voiceable.dev/voiceable-api', apiKey })
 * for (const finding of result.findings) console.log(finding.line)
 */
export async function verifyBackend(options: VerifyOptions): Promise<VerifyResult> {
  const checked = checkInput(VerifyOptionsSchema, options, 'Failed to verify', 'options')
  const baseUrl = checked.baseUrl.replace(/\/+$/, '')
  const write = checked.write === true
  const progress = checked.onProgress ?? (() => undefined)
  const redactor = new Redactor([checked.apiKey])
  const client = new BackendClient({
    baseUrl,
    fetch: checked.fetch ?? globalThis.fetch,
    timeoutMs: checked.timeoutMs ?? 30_000,
    maxRateLimitWaitMs: checked.maxRateLimitWaitMs ?? 120_000,
    onWait: (ms, why) => progress(`waiting ${Math.ceil(ms / 1000)} s for ${why}`),
  })
  const run = new Run(client, redactor, checked.apiKey, RESOURCE_OF)
  const fake = new FakeSide()
  const cycles = write ? planWriteCycles(RESOURCES, new Date()) : []
  if (write)
    for (const line of [
      '--write: creates, reads back, updates and deletes:',
      ...describeWritePlan(cycles),
    ])
      progress(line)
  try {
    await runSafeCorpus(run, fake, ENDPOINTS)
    await runWriteCycles(run, fake, cycles)
  } catch (error) {
    if (error instanceof VerifyError) {
      error.message = redactor.redact(error.message)
      error.leftBehind = [...run.leftBehind]
    }
    throw error
  }
  return {
    baseUrl: displayUrl(baseUrl),
    write,
    requests: run.requests,
    findings: run.findings,
    rateLimited: run.rateLimited,
    notChecked: run.notChecked,
    leftBehind: run.leftBehind,
  }
}
