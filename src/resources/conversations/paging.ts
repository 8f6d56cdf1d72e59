/**
 * One page of a user's conversations, newest first (start time, then id, both descending), read
 * by keyset: the cursor holds the last item's (start time, id), sealed to the caller and the
 * filters. A page costs a binary search and the items it walks, not the size of the collection,
 * and conversations added meanwhile never shift a later page: the next page starts below the last
 * item shown, wherever newer ones went.
 */
import {
  decodeCursor,
  encodeCursor,
  pageDownward,
  partitionPoint,
  type CursorPart,
} from '../../pipeline/pagination.js'
import { toListItem } from './content.js'
import { CONVERSATIONS_PAGE_SIZE } from './defaults.js'
import type { ConversationQuery } from './query.js'
import type { ConversationListItem, ConversationRecord } from './schemas.js'
import type { Timeline } from './timeline.js'

/** A page as the list sends it after `status`: `cursor` reads the next page, `null` on the last. */
export interface ConversationPage {
  data: ConversationListItem[]
  has_more: boolean
  cursor: string | null
}

/** A key (start time, id) of a cursor, or `undefined` when the parts are not one. */
function toKey(parts: readonly CursorPart[] | undefined): [number, string] | undefined {
  const [start, id] = parts ?? []
  return parts?.length === 2 && typeof start === 'number' && typeof id === 'string'
    ? [start, id]
    : undefined
}

/** Whether a record sorts before the key (start time, id), oldest first. */
const isBefore = (record: ConversationRecord, [start, id]: readonly [number, string]): boolean =>
  record.start_time_unix_secs < start || (record.start_time_unix_secs === start && record.id < id)

/**
 * The page `query` asks for, of `timeline` (the owner's conversations, their agents all alive
 * and named in `agentNames`), or `undefined` when `query.cursor` is not a cursor of this query:
 * random, truncated, edited, another user's or another filter's. `page_size` and `summary_mode`
 * may change from page to page; the filters may not.
 */
export function pageConversations(
  owner: number,
  timeline: Timeline | undefined,
  agentNames: ReadonlyMap<string, string>,
  query: ConversationQuery,
): ConversationPage | undefined {
  const { agent_id: agentId, call_successful: outcome, user_id: caller } = query
  const { call_start_before_unix: before, call_start_after_unix: after } = query
  const scope = JSON.stringify([owner, agentId, outcome, before, after, caller])
  const key = query.cursor === undefined ? undefined : toKey(decodeCursor(query.cursor, scope))
  if (query.cursor !== undefined && key === undefined) return undefined
  const items = (agentId === undefined ? timeline?.all : timeline?.byAgent.get(agentId)) ?? []
  const start =
    after === undefined ? 0 : partitionPoint(items, (item) => item.start_time_unix_secs <= after)
  let end =
    before === undefined
      ? items.length
      : partitionPoint(items, (item) => item.start_time_unix_secs < before)
  if (key !== undefined)
    end = Math.min(
      end,
      partitionPoint(items, (item) => isBefore(item, key)),
    )
  const matches =
    outcome === undefined && caller === undefined
      ? undefined
      : (item: ConversationRecord) =>
          (outcome === undefined || item.call_successful === outcome) &&
          (caller === undefined || item.caller_id === caller)
  const size = query.page_size ?? CONVERSATIONS_PAGE_SIZE.default
  const page = pageDownward(items, { start, end, size, ...(matches ? { matches } : {}) })
  const last = page.data[page.data.length - 1]
  const withSummary = query.summary_mode !== 'exclude'
  return {
    data: page.data.map((item) =>
      toListItem(item, agentNames.get(item.agent_id) ?? '', withSummary),
    ),
    has_more: page.hasMore,
    cursor:
      page.hasMore && last !== undefined
        ? encodeCursor([last.start_time_unix_secs, last.id], scope)
        : null,
  }
}
