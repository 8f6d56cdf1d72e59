/** Conversations (reference §4.3). Its parts, by the names `defineResource` reads (`resources/resource.ts`). */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedConversations as seed } from './seed.js'
export { CONVERSATIONS_STREAM as stream, createConversationsStore as store } from './store.js'
export { CONVERSATION_STORE_CALLS as storeCalls } from './store-calls.js'
export { fixtures } from './examples.js'
