/**
 * Agent behaviours: the sections an assistant's behaviour is written in (real-client evidence).
 * Its parts, by the names `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { createAgentBehavioursStore as store } from './store.js'
export { resolvers } from './resolvers.js'

/** A catalogue keeps no records, seeds nothing, and its store has no writes to check. */
export const collections = [] as const
export const storeCalls = {}
export function seed(): void {}
