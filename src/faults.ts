import type { EndpointName } from './endpoints/table.js'
import { ApiError } from './envelope.js'
import { createSeededRandom } from './internal/seeded-random.js'
import { sleep } from './internal/sleep.js'
import type { Principal } from './store.js'
import type { FaultSpec } from './toolkit-schemas.js'

/** Which requests a fault applies to, and for how long. */
export interface FaultScope {
  /** One endpoint or several; default every endpoint. */
  endpoint?: EndpointName | readonly EndpointName[]
  /** Only requests authenticated as this user. */
  userId?: number
  /** Only the next N matching requests; default every matching request until removed. */
  times?: number
  /** Chance (0–1) that a matching request is affected, drawn from the mock's seeded generator. */
  probability?: number
}

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
  /** Every fault added since the last `clear()` or `reset()`, run-out ones too (`active: false`). */
  describe(): FaultDescription[]
  /** Removes a fault by id; `false` when no fault has that id. */
  remove(id: string): boolean
}

export function createFaultInjector(
  seed: number,
  exhaust: ((bucket: string) => void) | undefined,
): FaultInjector {
  let faults: ActiveFault[] = []
  /** Every fault since the last clear, for `describe()`; `faults` holds the active ones. */
  let added: ActiveFault[] = []
  let nextId = 1
  let random = createSeededRandom(seed)

  function add(effect: Effect, scope: FaultScope = {}): Fault & { id: string } {
    if (scope.times !== undefined && !(Number.isInteger(scope.times) && scope.times > 0))
      throw new TypeError(
        `Failed to add fault: times must be a positive integer, got ${scope.times}`,
      )
    if (scope.probability !== undefined && !(scope.probability >= 0 && scope.probability <= 1))
      throw new TypeError(
        `Failed to add fault: probability must be within 0 and 1, got ${scope.probability}`,
      )
    const fault: ActiveFault = {
      id: `fault-${nextId++}`,
      effect,
      scope,
      remaining: scope.times ?? Number.POSITIVE_INFINITY,
      hits: 0,
    }
    faults.push(fault)
    added.push(fault)
    return {
      id: fault.id,
      get hits() {
        return fault.hits
      },
      remove() {
        faults = faults.filter((other) => other !== fault)
        added = added.filter((other) => other !== fault)
      },
    }
  }

  function requireRateLimiter(): (bucket: string) => void {
    if (exhaust === undefined)
      throw new TypeError(
        'Failed to exhaust the rate limit: this mock was created with rateLimit: false',
      )
    return exhaust
  }

  function applies(
    fault: ActiveFault,
    endpoint: EndpointName,
    principal: Principal | undefined,
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

  async function run(
    matched: ActiveFault[],
    signal: AbortSignal | undefined,
  ): Promise<FaultOutcome> {
    for (const { effect } of matched) {
      if (effect.kind === 'latency')
        await sleep(effect.min + Math.floor(random() * (effect.max - effect.min + 1)), signal)
    }
    const terminal = matched.find(({ effect }) => effect.kind !== 'latency')?.effect
    if (terminal?.kind === 'network') return 'network-error'
    if (terminal?.kind === 'rate-limit') return 'rate-limited'
    if (terminal?.kind === 'error') throw ApiError.injected(terminal.status, terminal.message)
    return undefined
  }

  type Added = Fault & { id: string }

  function error(status: number, scope: FaultScope & { message?: string } = {}): Added {
    if (!(Number.isInteger(status) && status >= 400 && status <= 599))
      throw new TypeError(
        `Failed to add fault: status must be an error status (400–599), got ${status}`,
      )
    return add({ kind: 'error', status, message: scope.message }, scope)
  }

  function latency(ms: number | { min: number; max: number }, scope?: FaultScope): Added {
    const { min, max } = typeof ms === 'number' ? { min: ms, max: ms } : ms
    if (!(min >= 0 && max >= min))
      throw new TypeError(`Failed to add fault: latency needs 0 <= min <= max, got ${min}..${max}`)
    return add({ kind: 'latency', min, max }, scope)
  }

  function clear(): void {
    faults = []
    added = []
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
        if (applies(fault, endpoint, principal)) {
          matched.push(fault)
          terminalFound ||= terminal
        }
      }
      faults = faults.filter((fault) => fault.remaining > 0)
      return matched.length === 0 ? undefined : run(matched, signal)
    },
    error,
    networkError: (scope) => add({ kind: 'network' }, scope),
    latency,
    exhaustRateLimit({ userId }) {
      requireRateLimiter()(`user:${userId}`)
    },
    clear,
    reset() {
      clear()
      random = createSeededRandom(seed)
    },
    add(spec) {
      const { endpoint, userId, times, probability } = spec
      const scope: FaultScope = {}
      if (endpoint !== undefined) scope.endpoint = endpoint
      if (userId !== undefined) scope.userId = userId
      if (times !== undefined) scope.times = times
      if (probability !== undefined) scope.probability = probability
      let fault: Added
      switch (spec.kind) {
        case 'error':
          fault = error(
            spec.status,
            spec.message === undefined ? scope : { ...scope, message: spec.message },
          )
          break
        case 'network':
          fault = add({ kind: 'network' }, scope)
          break
        case 'latency':
          fault = latency(spec.ms ?? { min: spec.min ?? 0, max: spec.max ?? 0 }, scope)
          break
        case 'rate-limit':
          requireRateLimiter()
          fault = add({ kind: 'rate-limit' }, scope)
          break
      }
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
      faults = faults.filter((other) => other !== fault)
      added = added.filter((other) => other !== fault)
      return true
    },
  }
}
