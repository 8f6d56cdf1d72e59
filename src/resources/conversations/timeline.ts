/**
 * The order lists read conversations in, kept beside the collection: each owner's conversations
 * sorted by (start time, id), all together and by agent, so that a page is a binary search and
 * the page's own items, never a scan of the collection (`paging.ts`).
 */
import { partitionPoint } from '../../pipeline/pagination.js'
import type { Collection } from '../../store/collection.js'
import { compareConversations, sortConversations } from './factory.js'
import type { ConversationRecord } from './schemas.js'

/** One owner's conversations, oldest first: all of them, and each agent's. */
export interface Timeline {
  all: ConversationRecord[]
  readonly byAgent: Map<string, ConversationRecord[]>
}

/** `list` with `batch` added, both sorted; `list` itself when that is cheapest. */
function insertSorted(list: ConversationRecord[], batch: readonly ConversationRecord[]) {
  const last = list[list.length - 1]
  if (last === undefined || compareConversations(last, batch[0] as ConversationRecord) < 0) {
    for (const record of batch) list.push(record)
    return list
  }
  if (batch.length < 16) {
    for (const record of batch)
      list.splice(
        partitionPoint(list, (item) => compareConversations(item, record) < 0),
        0,
        record,
      )
    return list
  }
  const merged: ConversationRecord[] = []
  let [i, j] = [0, 0]
  while (i < list.length || j < batch.length) {
    const [a, b] = [list[i], batch[j]]
    if (b === undefined || (a !== undefined && compareConversations(a, b) < 0)) {
      merged.push(a as ConversationRecord)
      i++
    } else {
      merged.push(b)
      j++
    }
  }
  return merged
}

/** Any one record of a collection, or `undefined` when it is empty. */
function anyOf(records: Collection<ConversationRecord, string>): ConversationRecord | undefined {
  for (const record of records.values()) return record
  return undefined
}

function timelineOf(owners: Map<number, Timeline>, owner: number): Timeline {
  let timeline = owners.get(owner)
  if (timeline === undefined) owners.set(owner, (timeline = { all: [], byAgent: new Map() }))
  return timeline
}

/**
 * The conversations' order, over their collection. Writes go through it (`add`, `removeAgent`),
 * so it stays in step; a `reset()` clears it (`clear`), and a `restore()`, which loads the
 * collection behind its back, is noticed on the next read: loading copies every record, so the
 * record it keeps as an anchor is no longer the one stored under its id (or the count differs).
 * It is then rebuilt from the collection, once.
 */
export class ConversationTimelines {
  readonly #conversations: Collection<ConversationRecord, string>
  #owners: Map<number, Timeline> | undefined
  /** A record of the collection as indexed; `undefined` only when it was empty. */
  #anchor: ConversationRecord | undefined
  #count = 0

  constructor(conversations: Collection<ConversationRecord, string>) {
    this.#conversations = conversations
  }

  /** Forgets the order: the next read builds it again (after `reset()`). */
  clear(): void {
    this.#owners = undefined
  }

  /** An owner's conversations in order, or `undefined` when they have none. */
  of(owner: number): Timeline | undefined {
    return this.#index().get(owner)
  }

  /** Every owner with conversations. */
  owners(): number[] {
    return [...this.#index().keys()]
  }

  /** Stores a batch of one owner's and one agent's conversations, sorted by `compareConversations`. */
  add(batch: readonly ConversationRecord[]): void {
    const first = batch[0]
    if (first === undefined) return
    const timeline = timelineOf(this.#index(), first.user_id)
    for (const record of batch) this.#conversations.put(record)
    this.#count += batch.length
    this.#anchor ??= first
    timeline.all = insertSorted(timeline.all, batch)
    timeline.byAgent.set(
      first.agent_id,
      insertSorted(timeline.byAgent.get(first.agent_id) ?? [], batch),
    )
  }

  /** Deletes every conversation of an agent of `owner` (its agent is gone); how many there were. */
  removeAgent(owner: number, agentId: string): number {
    const timeline = this.#index().get(owner)
    const removed = timeline?.byAgent.get(agentId)
    if (timeline === undefined || removed === undefined) return 0
    for (const record of removed) this.#conversations.delete(record.id)
    timeline.byAgent.delete(agentId)
    timeline.all = timeline.all.filter((record) => record.agent_id !== agentId)
    if (timeline.all.length === 0) this.#owners?.delete(owner)
    this.#count -= removed.length
    if (this.#anchor !== undefined && this.#conversations.get(this.#anchor.id) === undefined)
      this.#anchor = anyOf(this.#conversations)
    return removed.length
  }

  #index(): Map<number, Timeline> {
    const stored = this.#conversations
    const fresh =
      stored.size === this.#count &&
      (this.#anchor === undefined
        ? stored.size === 0
        : stored.get(this.#anchor.id) === this.#anchor)
    if (this.#owners !== undefined && fresh) return this.#owners
    const owners = new Map<number, Timeline>()
    for (const record of stored.values()) {
      const timeline = timelineOf(owners, record.user_id)
      timeline.all.push(record)
      const list = timeline.byAgent.get(record.agent_id)
      if (list === undefined) timeline.byAgent.set(record.agent_id, [record])
      else list.push(record)
    }
    for (const timeline of owners.values()) {
      timeline.all = sortConversations(timeline.all)
      for (const [agentId, list] of timeline.byAgent)
        timeline.byAgent.set(agentId, sortConversations(list))
    }
    this.#owners = owners
    this.#count = stored.size
    this.#anchor = anyOf(stored)
    return owners
  }
}
