/**
 * Accounts: users, sign in, sign up, sign out and the current user. Its parts, by the names
 * `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections, STATE as state } from './users.js'
export { resolvers } from './resolvers.js'
export { seedAccounts as seed, USER_TIMESTAMPS_STREAM as stream } from './seed.js'
export { createAccountsStore as store } from './store.js'
export { ACCOUNT_STORE_CALLS as storeCalls } from './store-calls.js'
export { upgradeSnapshot } from './legacy.js'
