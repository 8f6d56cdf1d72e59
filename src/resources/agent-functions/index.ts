/**
 * Agent functions: each agent's workflows (real-client evidence), under `/agents/{id}`. Its
 * parts, by the names `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedAgentFunctions as seed } from './seed.js'
export { AGENT_FUNCTIONS_STREAM as stream } from './defaults.js'
export { createAgentFunctionsStore as store } from './store.js'

/** Its store has no writes to check. */
export const storeCalls = {}
