/**
 * Knowledge-base files and the upload URL the fake serves itself (real-client evidence). Its
 * parts, by the names `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedAgentFiles as seed } from './seed.js'
export { AGENT_FILES_STREAM as stream, createAgentFilesStore as store } from './store.js'
export { AGENT_FILE_STORE_CALLS as storeCalls } from './store-calls.js'
