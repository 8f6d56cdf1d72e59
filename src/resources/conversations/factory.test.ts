import { expect, it } from 'vitest'
import { createSeededRandom } from '../../internal/seeded-random.js'
import { toConversation, topicsFor } from './content.js'
import {
  compareConversations,
  generateConversationRecords,
  sortConversations,
  type GenerationPlan,
} from './factory.js'
import type { ConversationRecord } from './schemas.js'

const PLAN: GenerationPlan = {
  seed: 42,
  owner: 1,
  agentId: '7',
  agentName: 'Appointment Scheduler',
  count: 500,
  from: 1_705_000_000,
  to: 1_705_003_600,
  taken: () => false,
}

it('makes the same conversations from the same seed, sorted, with unique ids', () => {
  const records = generateConversationRecords(PLAN)
  expect(generateConversationRecords(PLAN)).toEqual(records)
  expect(generateConversationRecords({ ...PLAN, seed: 43 })).not.toEqual(records)
  expect(new Set(records.map((record) => record.id)).size).toBe(500)
  expect([...records].sort(compareConversations)).toEqual(records)
  for (const record of records) {
    expect(record.id).toMatch(/^conv_[0-9a-z]{24}$/)
    expect(record.start_time_unix_secs).toBeGreaterThanOrEqual(PLAN.from)
    expect(record.start_time_unix_secs).toBeLessThan(PLAN.to)
    expect(record.transcript_seed).toBeLessThan(2 ** 30)
  }
  const success = records.filter((record) => record.call_successful === 'success').length
  expect(success / records.length).toBeGreaterThan(0.7)
  expect(success / records.length).toBeLessThan(0.9)
})

it('draws another id for one already taken', () => {
  const [first] = generateConversationRecords({ ...PLAN, count: 1 })
  const again = generateConversationRecords({
    ...PLAN,
    count: 1,
    taken: (id) => id === first?.id,
  })
  expect(again[0]?.id).not.toBe(first?.id)
})

it('talks about what the agent is for, and reads the same content from the same seed', () => {
  const scheduler = topicsFor('Appointment Scheduler')
  const anyTopic = topicsFor('My Custom Bot')
  expect(scheduler.size).toBeLessThan(anyTopic.size)
  for (const record of generateConversationRecords({ ...PLAN, count: 50 })) {
    const conversation = toConversation(record, 'Appointment Scheduler')
    expect(conversation.metadata.summary).toMatch(/appointment/i)
    expect(toConversation(record, 'Appointment Scheduler')).toEqual(conversation)
    expect(JSON.stringify(conversation)).not.toMatch(/\{\w+\}/)
  }
})

it('sorts as compareConversations does, ties of start time by id', () => {
  const random = createSeededRandom(5)
  const list: ConversationRecord[] = Array.from({ length: 5000 }, (_, i) => ({
    id: `conv_${Math.floor(random() * 1e9).toString(36)}${i}`,
    agent_id: '1',
    user_id: 1,
    start_time_unix_secs: 1_700_000_000 + Math.floor(random() * 300),
    duration: 1,
    call_successful: 'success',
    caller_id: null,
    transcript_seed: 0,
  }))
  expect(sortConversations([...list])).toEqual([...list].sort(compareConversations))
  const late = list.map((record) => ({ ...record, start_time_unix_secs: 2 ** 33 }))
  expect(sortConversations([...late])).toEqual([...late].sort(compareConversations))
})
