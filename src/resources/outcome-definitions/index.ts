/**
 * Outcome definitions: each agent's goals (real-client evidence), under `/agents/{id}`. Its
 * parts, by the names `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedOutcomeDefinitions as seed } from './seed.js'
export { OUTCOME_DEFINITIONS_STREAM as stream } from './defaults.js'
export { createOutcomeDefinitionsStore as store } from './store.js'
export { OUTCOME_DEFINITION_STORE_CALLS as storeCalls } from './store-calls.js'
