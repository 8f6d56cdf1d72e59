/**
 * Isolated sessions of the demo server: a request with `X-Voiceable-Mock-Session: <id>` works on
 * a mock of its own (store, journal, faults, rate-limit counts, scenario), made from the server's
 * starting state on first use. In memory only, and bounded: past `max`, the least recently used
 * session is dropped.
 */
import type { MockInternals } from '../mock.js'

/** The request header that names a session. */
export const SESSION_HEADER = 'X-Voiceable-Mock-Session'

/** Most sessions kept at once; past it the least recently used one is dropped. */
export const MAX_SESSIONS = 1000

/** Longest session id accepted, in characters. */
export const SESSION_ID_MAX_LENGTH = 200

/** Why a session header cannot name a session, or `undefined` when it can. */
export function checkSessionId(id: string): string | undefined {
  if (id.length === 0 || id.length > SESSION_ID_MAX_LENGTH || id.trim() !== id)
    return `${SESSION_HEADER} must be 1 to ${SESSION_ID_MAX_LENGTH} characters with no spaces around them`
  return undefined
}

export interface Sessions {
  /** The session's mock, made on first use; a use makes it the most recently used. */
  get(id: string): MockInternals
  /** Drops every session. */
  clear(): void
  readonly size: number
  /** The ids of the sessions, least recently used first. */
  ids(): string[]
  /** Calls `listener` whenever a session is made or dropped; returns the function that stops it. */
  watch(listener: () => void): () => void
}

/** A least-recently-used set of sessions, each made by `create` on first use. */
export function createSessions(create: () => MockInternals, max: number = MAX_SESSIONS): Sessions {
  // @note A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const sessions = new Map<string, MockInternals>()
  const listeners = new Set<() => void>()
  const changed = (): void => {
    for (const listener of listeners) listener()
  }
  return {
    get(id) {
      let session = sessions.get(id)
      if (session !== undefined) {
        sessions.delete(id)
        sessions.set(id, session)
        return session
      }
      session = create()
      if (sessions.size >= max) sessions.delete(sessions.keys().next().value as string)
      sessions.set(id, session)
      changed()
      return session
    },
    clear() {
      sessions.clear()
      changed()
    },
    get size() {
      return sessions.size
    },
    ids: () => [...sessions.keys()],
    watch(listener) {
      const watcher = (): void => listener()
      listeners.add(watcher)
      return () => void listeners.delete(watcher)
    },
  }
}
