/**
 * Escalations: the human-handoff events of the caller's conversations (real-client evidence).
 * Its parts, by the names `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedEscalations as seed } from './seed.js'
export { ESCALATIONS_STREAM as stream, createEscalationsStore as store } from './store.js'
export { ESCALATION_STORE_CALLS as storeCalls } from './store-calls.js'
