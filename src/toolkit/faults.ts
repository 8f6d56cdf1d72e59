import { checkInput } from '../internal/input-validation.js'
import { createSeededRandom } from '../internal/seeded-random.js'
import { sleep } from '../internal/sleep.js'
import { ApiError } from '../pipeline/envelope.js'
import type { Principal } from '../pipeline/principal.js'
import type { EndpointName } from '../resources/index.js'
import {
  ErrorFaultScopeSchema,
  ExhaustRateLimitSchema,
  FaultScopeSchema,
  FaultStatusSchema,
  LatencySchema,
  type FaultScope,
  type FaultSpec,
} from './fault-schemas.js'

export type { FaultScope }

/** A handle on an added fault. */
export interface Fault {
  /** Matching requests this fault has affected so far. */
  readonly hits: number
  /** Removes the fault before it runs out. */
  remove(): void
}

export interface FaultControls {
  /** Answer matching requests with `status` in the API's error envelope. */
  error(status: number, scope?: FaultScope & { message?: string }): Fault
  /** Make matching requests fail as a dropped connection would (`fetch` rejects). */
  networkError(scope?: FaultScope): Fault
  /** Delay matching requests by `ms`, or by a seeded-random time within `{ min, max }`. */
  latency(ms: number | { min: number; max: number }, scope?: FaultScope): Fault
  /** Use up a caller's rate-limit window now: their next request gets 429 with `Retry-After`. */
  exhaustRateLimit(scope: { userId: number }): void
  /** Removes every fault. */
  clear(): void
}

type Effect =
  | { kind: 'error'; status: number; message: string | undefined }
  | { kind: 'network' }
  | { kind: 'latency'; min: number; max: number }
  | { kind: 'rate-limit' }

interface ActiveFault {
  id: string
  effect: Effect
  scope: FaultScope
  remaining: number
  hits: number
}

/** A fault as the control API lists it: its id, what it does, its scope and how often it struck. */
export type FaultDescription = { id: string; hits: number; active: boolean } & Effect & FaultScope

/** What applying the faults to a request decided, beyond an injected error (thrown). */
export type FaultOutcome = 'network-error' | 'rate-limited' | undefined

export interface FaultInjector extends FaultControls {
  /**
   * Applies the faults that match a request: waits (abortable by `signal`), then throws the
   * injected `ApiError`, resolves to `'network-error'`, or to `undefined` (carry on). No fault
   * matched: `undefined` at once, with no promise.
   */
  apply(
    endpoint: EndpointName,
    principal: Principal | undefined,
    signal?: AbortSignal,
  ): Promise<FaultOutcome> | undefined
  /** Clears every fault and reseeds the dice. */
  reset(): void
  /**
   * Adds a fault described as data (the control API's body, already validated). `rate-limit`
   * answers matching requests with 429 as if the caller's window were used up.
   * @throws TypeError as the methods do, e.g. a rate-limit fault on a mock without a rate limit.
   */
  add(spec: FaultSpec): { id: string; fault: Fault }
  /**
   * Every fault added since the last `clear()` or `reset()` that is active, and the last
   * `FAULT_HISTORY_MAX` that ran out (`active: false`).
   */
  describe(): FaultDescription[]
  /** Removes a fault by id; `false` when no fault has that id. */
  remove(id: string): boolean
}

/**
 * Run-out faults `describe()` keeps, the most recent: past it the oldest are forgotten. A server
 * that adds a fault per test and never clears would otherwise keep every one (found by the soak).
 */
export const FAULT_HISTORY_MAX = 100

const ADD_FAILURE = 'Failed to add fault'
const EXHAUST_FAILURE = 'Failed to exhaust the rate limit'

/** The scope fields given, and no `undefined` ones (the control API lists a fault's scope as it is). */
function toScope(fields: {
  endpoint?: FaultScope['endpoint'] | undefined
  userId?: number | undefined
  times?: number | undefined
  probability?: number | undefined
}): FaultScope {
  const scope: FaultScope = {}
  if (fields.endpoint !== undefined) scope.endpoint = fields.endpoint
  if (fields.userId !== undefined) scope.userId = fields.userId
  if (fields.times !== undefined) scope.times = fields.times
  if (fields.probability !== undefined) scope.probability = fields.probability
  return scope
}

/** A checked latency, `ms` or `min`..`max`, as the range it draws from. */
function toLatency(latency: {
  ms?: number | undefined
  min?: number | undefined
  max?: number | undefined
}): Effect {
  const min = latency.ms ?? latency.min ?? 0
  return { kind: 'latency', min, max: latency.ms ?? latency.max ?? min }
}

/** Whether a fault strikes a request (counting the hit if it does); `random` rolls `probability`. */
function strikes(
  fault: ActiveFault,
  endpoint: EndpointName,
  principal: Principal | undefined,
  random: () => number,
): boolean {
  const { scope } = fault
  if (fault.remaining <= 0) return false
  if (
    scope.endpoint !== undefined &&
    !(typeof scope.endpoint === 'string'
      ? scope.endpoint === endpoint
      : scope.endpoint.includes(endpoint))
  )
    return false
  if (scope.userId !== undefined && principal?.user.id !== scope.userId) return false
  if (scope.probability !== undefined && random() >= scope.probability) return false
  fault.remaining--
  fault.hits++
  return true
}

/** Runs the faults that struck: every latency, then the first terminal effect. */
async function run(
  matched: ActiveFault[],
  endpoint: EndpointName,
  signal: AbortSignal | undefined,
  random: () => number,
): Promise<FaultOutcome> {
  for (const { effect } of matched) {
    if (effect.kind === 'latency')
      await sleep(effect.min + Math.floor(random() * (effect.max - effect.min + 1)), signal)
  }
  const terminal = matched.find(({ effect }) => effect.kind !== 'latency')?.effect
  if (terminal?.kind === 'network') return 'network-error'
  if (terminal?.kind === 'rate-limit') return 'rate-limited'
  if (terminal?.kind === 'error')
    throw ApiError.injected(terminal.status, terminal.message, endpoint)
  return undefined
}

/** What a fault described as data does. */
function toEffect(spec: FaultSpec): Effect {
  switch (spec.kind) {
    case 'error':
      return { kind: 'error', status: spec.status, message: spec.message }
    case 'network':
      return { kind: 'network' }
    case 'latency':
      return toLatency(spec)
    case 'rate-limit':
      return { kind: 'rate-limit' }
  }
}

/** The rate limiter's `exhaust`; a mock without a rate limit cannot exhaust one. */
function requireRateLimiter(
  exhaust: ((bucket: string) => void) | undefined,
): (bucket: string) => void {
  if (exhaust === undefined)
    throw new TypeError(
      'Failed to exhaust the rate limit: this mock was created with rateLimit: false',
    )
  return exhaust
}

/** `added` without its oldest run-out faults past `FAULT_HISTORY_MAX` (it holds `active` active ones). */
function withoutOldRunOut(added: ActiveFault[], active: number): ActiveFault[] {
  let runOut = added.length - active
  if (runOut <= FAULT_HISTORY_MAX) return added
  return added.filter((fault) => fault.remaining > 0 || runOut-- <= FAULT_HISTORY_MAX)
}

/**
 * The faults of a mock. `changed` is told whenever a fault is added or removed, or all are
 * cleared (the inspector lists them live); not when one strikes.
 */
export function createFaultInjector(
  seed: number,
  exhaust: ((bucket: string) => void) | undefined,
  changed: () => void = () => undefined,
): FaultInjector {
  let faults: ActiveFault[] = []
  /** Every fault since the last clear, for `describe()`; `faults` holds the active ones. */
  let added: ActiveFault[] = []
  let nextId = 1
  let random = createSeededRandom(seed)

  function add(effect: Effect, scope: FaultScope): Fault & { id: string } {
    const fault: ActiveFault = {
      id: `fault-${nextId++}`,
      effect,
      scope,
      remaining: scope.times ?? Number.POSITIVE_INFINITY,
      hits: 0,
    }
    faults.push(fault)
    added.push(fault)
    changed()
    return {
      id: fault.id,
      get hits() {
        return fault.hits
      },
      remove: () => drop(fault),
    }
  }

  function drop(fault: ActiveFault): void {
    faults = faults.filter((other) => other !== fault)
    added = added.filter((other) => other !== fault)
    changed()
  }

  type Added = Fault & { id: string }

  function error(status: unknown, scope?: unknown): Added {
    const checkedStatus = checkInput(FaultStatusSchema, status, ADD_FAILURE, 'status')
    const { message, ...rest } =
      checkInput(ErrorFaultScopeSchema, scope, ADD_FAILURE, 'scope') ?? {}
    return add({ kind: 'error', status: checkedStatus, message }, toScope(rest))
  }

  function latency(ms: unknown, scope?: unknown): Added {
    // A number is `{ ms }`, so that one schema words every problem of either form.
    const given = typeof ms === 'object' && ms !== null && !Array.isArray(ms) ? ms : { ms }
    const range = checkInput(LatencySchema, given, ADD_FAILURE, 'ms')
    const checkedScope = checkInput(FaultScopeSchema, scope, ADD_FAILURE, 'scope')
    return add(toLatency(range), toScope(checkedScope ?? {}))
  }

  function clear(): void {
    faults = []
    added = []
    changed()
  }

  return {
    apply(endpoint, principal, signal) {
      // @note No faults, no promise: tests that inject nothing pay nothing.
      if (faults.length === 0) return undefined
      const matched: ActiveFault[] = []
      let terminalFound = false
      for (const fault of faults) {
        const terminal = fault.effect.kind !== 'latency'
        if (terminal && terminalFound) continue
        if (strikes(fault, endpoint, principal, random)) {
          matched.push(fault)
          terminalFound ||= terminal
        }
      }
      if (matched.some((fault) => fault.remaining <= 0)) {
        faults = faults.filter((fault) => fault.remaining > 0)
        added = withoutOldRunOut(added, faults.length)
      }
      return matched.length === 0 ? undefined : run(matched, endpoint, signal, random)
    },
    error,
    networkError(scope?: unknown) {
      const checked = checkInput(FaultScopeSchema, scope, ADD_FAILURE, 'scope')
      return add({ kind: 'network' }, toScope(checked ?? {}))
    },
    latency,
    exhaustRateLimit(scope: unknown) {
      const { userId } = checkInput(ExhaustRateLimitSchema, scope, EXHAUST_FAILURE, 'scope')
      requireRateLimiter(exhaust)(`user:${userId}`)
    },
    clear,
    reset() {
      clear()
      random = createSeededRandom(seed)
    },
    add(spec) {
      if (spec.kind === 'rate-limit') requireRateLimiter(exhaust)
      const fault = add(toEffect(spec), toScope(spec))
      return { id: fault.id, fault }
    },
    describe: () =>
      added.map((fault) => ({
        id: fault.id,
        ...fault.effect,
        ...fault.scope,
        hits: fault.hits,
        active: faults.includes(fault),
      })),
    remove(id) {
      const fault = added.find((candidate) => candidate.id === id)
      if (fault === undefined) return false
      drop(fault)
      return true
    },
  }
}
