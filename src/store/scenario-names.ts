/**
 * The named starting states, and how a page or a request picks one. Every resource seeds each
 * scenario its own way (`seed.ts` in each resource folder):
 * - `documented` (default): user 1 owns the documented records exactly as documented; a few
 *   generated users own generated data.
 * - `empty`: user 1 alone, with nothing (sign in with `password`, or `store.issueToken(1)`).
 * - `many-keys`: user 1 owns the documented records and hundreds of generated keys.
 * - `multi-tenant`: several users whose records have interleaved ids.
 */
import { oneOf } from '../internal/input-validation.js'

export const SCENARIOS = ['documented', 'empty', 'many-keys', 'multi-tenant'] as const
export type Scenario = (typeof SCENARIOS)[number]

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value)
}

/** The query parameter and request header that pick a scenario in a page or per request. */
export const SCENARIO_QUERY_PARAMETER = 'scenario'
export const SCENARIO_HEADER = 'X-Voiceable-Mock-Scenario'

/**
 * The scenario a page URL asks for with `?scenario=<name>`, or `undefined`.
 * @example
 * createVoiceableMock({ scenario: scenarioFromUrl(location.href) })
 */
export function scenarioFromUrl(url: string | URL): Scenario | undefined {
  let parsed: URL
  try {
    parsed = new URL(url, 'http://localhost')
  } catch {
    return undefined
  }
  const value = parsed.searchParams.get(SCENARIO_QUERY_PARAMETER)
  return isScenario(value) ? value : undefined
}

/** A scenario's name (`useScenario`, the `scenario` option, the control API's `{"name"}`). */
export const ScenarioSchema = oneOf(SCENARIOS)
