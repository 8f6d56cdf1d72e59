/** Agents (reference §4.1). Its parts, by the names `defineResource` reads (`resources/resource.ts`). */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedAgents as seed } from './seed.js'
export { AGENTS_STREAM as stream, createAgentsStore as store } from './store.js'
export { AGENT_STORE_CALLS as storeCalls } from './store-calls.js'
export { fixtures } from './examples.js'
