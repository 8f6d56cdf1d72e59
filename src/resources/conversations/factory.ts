/**
 * Generated conversations as the store keeps them: the call's id, time, length, outcome, caller
 * and the seed its content is read from (`content.ts`). One small seeded generator makes them all
 * (seeds, `addConversation`, `generateConversations`): a million in about a second.
 */
import { createSeededRandom } from '../../internal/seeded-random.js'
import { CALL_DURATION, CALLERS_PER_GENERATOR, CONVERSATION_ID, SUCCESS_RATE } from './defaults.js'
import { seedFits, topicsFor } from './content.js'
import type { ConversationRecord } from './schemas.js'

const BASE36 = [...'0123456789abcdefghijklmnopqrstuvwxyz'].map((char) => char.charCodeAt(0))
const ID_PREFIX = [...CONVERSATION_ID.prefix].map((char) => char.charCodeAt(0))

/** Conversations in the order lists read them backwards: by start time, then by id. */
export function compareConversations(a: ConversationRecord, b: ConversationRecord): number {
  return a.start_time_unix_secs - b.start_time_unix_secs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** How many items `sortConversations` sorts by packing each one's start time and place in a number. */
const PACKED = 2 ** 21

/**
 * Conversations sorted by `compareConversations`, quickly: a million in a fraction of a second
 * rather than seconds (a store started from a snapshot sorts every owner's). Each start time is
 * packed with the item's place into one number (exact below 2^53), the numbers sorted natively,
 * and only runs of the same start time compared by id.
 */
export function sortConversations(list: ConversationRecord[]): ConversationRecord[] {
  const n = list.length
  if (n > PACKED || list.some((record) => record.start_time_unix_secs >= 2 ** 32))
    return list.sort(compareConversations)
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++)
    keys[i] = (list[i] as ConversationRecord).start_time_unix_secs * PACKED + i
  keys.sort()
  const sorted = Array.from(keys, (key) => list[key % PACKED] as ConversationRecord)
  let from = 0
  for (let i = 1; i <= n; i++) {
    if (i < n && sorted[i]?.start_time_unix_secs === sorted[from]?.start_time_unix_secs) continue
    if (i - from > 1)
      sorted.splice(from, i - from, ...sorted.slice(from, i).sort(compareConversations))
    from = i
  }
  return sorted
}

/** What a batch of generated conversations is for, and when they may start. */
export interface GenerationPlan {
  /** Seeds the generator: the same seed makes the same conversations. */
  readonly seed: number
  readonly owner: number
  readonly agentId: string
  /** Its calls are about what the agent is for (`topicsFor`). */
  readonly agentName: string
  readonly count: number
  /** Unix seconds: each call starts in `[from, to)` (at `from` when the range is empty). */
  readonly from: number
  readonly to: number
  /** Whether an id is taken already: a taken one is drawn again. */
  readonly taken: (id: string) => boolean
}

/**
 * `plan.count` generated conversations, sorted by `compareConversations`. Start times are drawn
 * first and sorted as numbers, so the records come out almost in order and the final sort is
 * cheap.
 * @example generateConversationRecords({ seed: 7, owner: 1, agentId: '123', count: 2, from, to, taken })
 */
export function generateConversationRecords(plan: GenerationPlan): ConversationRecord[] {
  const random = createSeededRandom(plan.seed)
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))
  const callers = Array.from(
    { length: CALLERS_PER_GENERATOR },
    () => `+1${int(2, 9)}${String(int(0, 999_999_999)).padStart(9, '0')}`,
  )
  // Built from character codes in one go: `a + b` would keep a rope of both parts per id.
  const codes = [...ID_PREFIX, ...Array<number>(CONVERSATION_ID.length).fill(0)]
  const drawId = (): string => {
    for (let i = ID_PREFIX.length; i < codes.length; i++) codes[i] = BASE36[int(0, 35)] as number
    return String.fromCharCode.apply(null, codes)
  }
  const topics = topicsFor(plan.agentName)
  /** A seed below 2^30 (a small integer, kept in the record itself), of a topic that suits the agent. */
  const drawSeed = (): number => {
    let seed = int(0, 0x3fffffff)
    for (let tries = 0; tries < 64 && !seedFits(seed, topics); tries++) seed = int(0, 0x3fffffff)
    return seed
  }
  const starts = new Float64Array(plan.count)
  const span = Math.max(plan.to - plan.from, 0)
  for (let i = 0; i < plan.count; i++) starts[i] = plan.from + Math.floor(random() * span)
  starts.sort()
  const records: ConversationRecord[] = []
  for (const start of starts) {
    let id = drawId()
    while (plan.taken(id)) id = drawId()
    const outcome = random() < SUCCESS_RATE ? 'success' : 'failure'
    const { min, max } = CALL_DURATION[outcome]
    records.push({
      id,
      agent_id: plan.agentId,
      user_id: plan.owner,
      start_time_unix_secs: start,
      duration: int(min, max),
      call_successful: outcome,
      caller_id: callers[int(0, callers.length - 1)] as string,
      transcript_seed: drawSeed(),
    })
  }
  return sortConversations(records)
}
