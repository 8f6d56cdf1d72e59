/**
 * Phone numbers: the numbers agents answer and campaigns call from (real-client evidence). Its
 * parts, by the names `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedPhoneNumbers as seed } from './seed.js'
export { PHONE_NUMBERS_STREAM as stream, createPhoneNumbersStore as store } from './store.js'
export { PHONE_NUMBER_STORE_CALLS as storeCalls } from './store-calls.js'
export { upgradeSnapshot } from './legacy.js'
