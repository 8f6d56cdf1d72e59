/**
 * What a conversation shows, generated on read from its seed: its topic, transcript, summary and
 * call quality. The store keeps only the seed (and the call's time, length and outcome), so a
 * million conversations fit in memory; the same seed always reads the same conversation.
 * Content given to a conversation (the documented one, `addConversation`) is shown instead.
 */
import { createSeededRandom } from '../../internal/seeded-random.js'
import { toTimestamp } from '../../internal/time.js'
import { CONVERSATION_DATE_FORMAT, CONVERSATION_STATUS, COST_PER_MINUTE_USD } from './defaults.js'
import type {
  Conversation,
  ConversationListItem,
  ConversationMessage,
  ConversationRecord,
} from './schemas.js'
import phrasebook from './transcripts.json' with { type: 'json' }

type Line = readonly [ConversationMessage['role'], string]

/**
 * One kind of call: the agents it suits (parts of their names), how it opens, how it ends by
 * outcome, and its summary by outcome.
 */
interface Topic {
  readonly for: readonly string[]
  readonly opening: readonly Line[]
  readonly success: readonly Line[]
  readonly failure: readonly Line[]
  readonly summary: { readonly success: string; readonly failure: string }
}

const TOPICS = phrasebook.topics as unknown as readonly Topic[]
const SLOTS = phrasebook.slots
const QUALITIES = phrasebook.qualities as unknown as readonly (readonly [string, number])[]
const QUALITY_WEIGHT = QUALITIES.reduce((sum, [, weight]) => sum + weight, 0)

/** What a seed draws, in this order: the topic, the values of its slots, the call quality. */
interface Draft {
  readonly topic: Topic
  readonly slots: Readonly<Record<string, string>>
  readonly quality: string
  /** The generator, to draw the transcript's timing on. */
  readonly random: () => number
}

/**
 * The topics that suit an agent, by its name (an `Appointment Scheduler` takes bookings); every
 * topic for a name none suits.
 */
export function topicsFor(agentName: string): ReadonlySet<Topic> {
  const name = agentName.toLowerCase()
  const suited = TOPICS.filter((topic) =>
    topic.for.some((part) => name.includes(part.toLowerCase())),
  )
  return new Set(suited.length === 0 ? TOPICS : suited)
}

/** Whether the conversation a seed reads is on one of `topics` (its first draw picks the topic). */
export function seedFits(seed: number, topics: ReadonlySet<Topic>): boolean {
  return topics.has(TOPICS[Math.floor(createSeededRandom(seed)() * TOPICS.length)] as Topic)
}

function draft(seed: number): Draft {
  const random = createSeededRandom(seed)
  const int = (max: number): number => Math.floor(random() * (max + 1))
  const pick = <T>(list: readonly T[]): T => list[int(list.length - 1)] as T
  const topic = pick(TOPICS)
  const name = pick(SLOTS.name)
  const time = pick(SLOTS.time)
  const slots = {
    name,
    email: `${name.toLowerCase()}@example.com`,
    day: pick(SLOTS.day),
    time,
    part: time.endsWith('AM') ? 'morning' : 'afternoon',
    plan: pick(SLOTS.plan),
    item: pick(SLOTS.item),
    city: pick(SLOTS.city),
    order: String(10_000 + int(89_999)),
    last4: String(int(9999)).padStart(4, '0'),
    amount: `${12 + int(468)}.${String(int(99)).padStart(2, '0')}`,
    seats: String(6 + int(34)),
  }
  let roll = random() * QUALITY_WEIGHT
  const quality = QUALITIES.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'good'
  return { topic, slots, quality, random }
}

/** A template with its `{slot}`s filled in. */
const fill = (text: string, slots: Readonly<Record<string, string>>): string =>
  text.replace(/\{(\w+)\}/g, (slot: string, name: string) => slots[name] ?? slot)

/**
 * The lines of a generated transcript, spread over the call: the first when it starts, then one
 * every `duration / lines` seconds or so, each a little later than an even share.
 */
function generateTranscript(record: ConversationRecord, drawn: Draft): ConversationMessage[] {
  const lines = [...drawn.topic.opening, ...drawn.topic[record.call_successful]]
  const span = Math.max(record.duration - 1, 0)
  return lines.map(([role, text], i) => {
    const offset = i === 0 ? 0 : Math.floor((span * (i + 0.6 * drawn.random())) / lines.length)
    const at = new Date((record.start_time_unix_secs + offset) * 1000)
    return { role, content: fill(text, drawn.slots), timestamp: toTimestamp(at) }
  })
}

/** `metadata`, in the documented order; `summary` unless it is left out (`summary_mode=exclude`). */
function metadataOf(record: ConversationRecord, drawn: Draft, withSummary: boolean) {
  const quality = record.call_quality ?? drawn.quality
  if (!withSummary) return { duration: record.duration, call_quality: quality }
  const summary = record.summary ?? fill(drawn.topic.summary[record.call_successful], drawn.slots)
  return { duration: record.duration, call_quality: quality, summary }
}

/** `2024-01-15 10:30`: the date as the web app shows it, UTC (`CONVERSATION_DATE_FORMAT`). */
function displayDate(unixSeconds: number): string {
  // The ISO timestamp cut to the format's length, its `T` a space.
  return toTimestamp(new Date(unixSeconds * 1000))
    .slice(0, CONVERSATION_DATE_FORMAT.length)
    .replace('T', ' ')
}

/** `2:00`: a length in seconds as the web app shows it (its fallback is `0:00`). */
function displayDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** A call's cost at `COST_PER_MINUTE_USD`, in the app's `{amount_cents, amount_dollars, formatted}`. */
function costOf(seconds: number): Conversation['cost'] {
  const cents = Math.round((seconds / 60) * COST_PER_MINUTE_USD * 100)
  return {
    amount_cents: cents,
    amount_dollars: cents / 100,
    formatted: `$${(cents / 100).toFixed(2)}`,
  }
}

/** The fields the web app reads, after the documented ones (client evidence; schemas.ts). */
function appFieldsOf(record: ConversationRecord, lineCount: number, summary: string | undefined) {
  return {
    id: record.id,
    call_successful: record.call_successful,
    date: displayDate(record.start_time_unix_secs),
    duration: displayDuration(record.duration),
    messages: lineCount,
    ...(summary === undefined ? {} : { summary }),
    cost: costOf(record.duration),
  }
}

/** How many lines a conversation's transcript has, without writing them out. */
function lineCountOf(record: ConversationRecord, drawn: Draft): number {
  return (
    record.transcript?.length ??
    drawn.topic.opening.length + drawn.topic[record.call_successful].length
  )
}

/** A line as it is sent: the documented fields, then the app's `message` and seconds into the call. */
function toLine(line: ConversationMessage, startUnixSeconds: number) {
  const at = Math.floor(Date.parse(line.timestamp) / 1000) - startUnixSeconds
  return { ...line, message: line.content, time_in_call_secs: Math.max(at, 0) }
}

/** A conversation as a list shows it: the documented object without `transcript`, then the app's fields. */
export function toListItem(
  record: ConversationRecord,
  agentName: string,
  withSummary: boolean,
): ConversationListItem {
  const drawn = draft(record.transcript_seed)
  const metadata = metadataOf(record, drawn, withSummary)
  return {
    conversation_id: record.id,
    agent_id: record.agent_id,
    agent_name: agentName,
    status: record.status ?? CONVERSATION_STATUS,
    metadata,
    created_at: toTimestamp(new Date(record.start_time_unix_secs * 1000)),
    ...appFieldsOf(record, lineCountOf(record, drawn), metadata.summary),
  }
}

/** A conversation as `GET /conversations/{id}` shows it: the documented fields, then the app's. */
export function toConversation(record: ConversationRecord, agentName: string): Conversation {
  const drawn = draft(record.transcript_seed)
  const metadata = metadataOf(record, drawn, true) as Conversation['metadata']
  const lines = record.transcript ?? generateTranscript(record, drawn)
  return {
    conversation_id: record.id,
    agent_id: record.agent_id,
    agent_name: agentName,
    status: record.status ?? CONVERSATION_STATUS,
    transcript: lines.map((line) => toLine(line, record.start_time_unix_secs)),
    metadata,
    created_at: toTimestamp(new Date(record.start_time_unix_secs * 1000)),
    ...appFieldsOf(record, lines.length, metadata.summary),
  }
}
