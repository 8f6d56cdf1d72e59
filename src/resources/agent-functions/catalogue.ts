/**
 * The integrations' functions agents' workflows are made from, kept as data (`functions.json`):
 * the platform's, the same for everyone.
 */
import catalogue from './functions.json' with { type: 'json' }
import { IntegrationFunctionSchema, type IntegrationFunction } from './schemas.js'

/** Every function, by id. */
export const FUNCTIONS: readonly IntegrationFunction[] = catalogue.functions.map((entry) =>
  IntegrationFunctionSchema.parse({ ...entry, enabled: true }),
)

/** A function by id (the catalogue's; `undefined` for none). */
export function functionById(id: number): IntegrationFunction | undefined {
  return FUNCTIONS.find((entry) => entry.id === id)
}
