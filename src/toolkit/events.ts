/**
 * What happens to a mock, as it happens: each journaled request, each clearing of the journal,
 * each change to the store and to the list of faults. The demo server's inspector streams them to its page
 * (`GET /__voiceable/events`); nothing listens otherwise, and then nothing is done.
 */
import type { Journal, JournalRecord } from './journal.js'

export type MockEvent =
  /** A request was answered and journaled (`record.seq` is set). */
  | { readonly kind: 'request'; readonly record: JournalRecord }
  /** The journal was emptied: a clear, a reset or a scenario switch. */
  | { readonly kind: 'journal-cleared' }
  /** The store may have changed: a 2xx write, a scenario switch, a reset or a restore. */
  | { readonly kind: 'changed' }
  /** A fault was added or removed, or all were cleared (not when one strikes). */
  | { readonly kind: 'faults-changed' }

export interface MockEvents {
  /** Calls `listener` with every event from now on; returns the function that stops it. */
  watch: (listener: (event: MockEvent) => void) => () => void
  emit: (event: MockEvent) => void
}

export function createMockEvents(): MockEvents {
  const listeners = new Set<(event: MockEvent) => void>()
  return {
    watch(listener) {
      // A wrapper of its own, so that the same function may watch twice and stop once each.
      const watcher = (event: MockEvent): void => listener(event)
      listeners.add(watcher)
      return () => void listeners.delete(watcher)
    },
    emit(event) {
      for (const listener of listeners) listener(event)
    },
  }
}

/** The journal, telling `events` of each record it keeps and each time it is cleared. */
export function observeJournal(journal: Journal, events: MockEvents): Journal {
  return {
    ...journal,
    add(record) {
      journal.add(record)
      // @note A journal that keeps nothing (`journal: false`) leaves `seq` at 0: no event.
      if (record.seq > 0) events.emit({ kind: 'request', record })
    },
    clear() {
      journal.clear()
      events.emit({ kind: 'journal-cleared' })
    },
  }
}
