import type * as z from 'zod'
import { describe, expect, it } from 'vitest'
import { AgentResponseSchema, ListAgentsResponseSchema } from '../../resources/agents/schemas.js'
import {
  ApiKeyResponseSchema,
  CreateApiKeyResponseSchema,
  ListApiKeysResponseSchema,
} from '../../resources/api-keys/schemas.js'
import { describeOrder } from './field-order.js'
import { diffWire } from './wire-diff.js'

const KEY = {
  id: 1,
  key_type: 'private',
  name: 'Production API Key',
  key_value: null,
  allowed_origins: ['https://example.com'],
  allowed_assistants: ['123'],
  transient_assistant: false,
  user_id: 1,
  user_email: 'user@example.com',
  created_at: '2024-01-15T10:30:00Z',
  updated_at: '2024-01-15T10:30:00Z',
}
const STATUS = { code: 200, message: 'Success' }

/** The lines of the differences, as `verify` prints them after the request. */
function lines(schema: z.ZodType, body: unknown): string[] {
  return diffWire(schema, body).map(({ at, text }) => `${at}: ${text}`)
}

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key))
}

describe('diffWire: fields', () => {
  it('finds nothing in a body the fake would send', () => {
    expect(diffWire(ApiKeyResponseSchema, { status: STATUS, data: KEY })).toEqual([])
    expect(diffWire(ListApiKeysResponseSchema, { status: STATUS, data: [KEY, KEY] })).toEqual([])
  })

  it('names a missing field, and one the fake does not send', () => {
    expect(
      lines(ApiKeyResponseSchema, { status: STATUS, data: without(KEY, 'user_email') }),
    ).toEqual(['data.user_email: missing (the fake sends it)'])
    expect(
      lines(ListApiKeysResponseSchema, { status: STATUS, data: [{ ...KEY, last_used_at: null }] }),
    ).toEqual(['data[0].last_used_at: not in the fake'])
  })

  it('names a renamed field once, as missing with the other in its place', () => {
    const renamed = Object.fromEntries(
      Object.entries(KEY).map(([name, value]) => [
        name === 'user_email' ? 'owner_email' : name,
        value,
      ]),
    )
    expect(diffWire(ApiKeyResponseSchema, { status: STATUS, data: renamed })).toEqual([
      {
        at: 'data.user_email',
        kind: 'renamed',
        text: 'missing, owner_email in its place (renamed?)',
      },
    ])
  })

  it('does not take an added field of another type, elsewhere, for a rename', () => {
    const body = { status: STATUS, data: { ...without(KEY, 'user_email'), owner: 5 } }
    expect(lines(ApiKeyResponseSchema, body)).toEqual([
      'data.user_email: missing (the fake sends it)',
      'data.owner: not in the fake',
    ])
  })
})

describe('diffWire: values', () => {
  it('names another type, null where a value was, and a value the fake never sends', () => {
    const data = {
      ...KEY,
      id: '1',
      name: null,
      key_type: 'secret',
      created_at: '2024-01-15T10:30:00.123Z',
    }
    expect(lines(ApiKeyResponseSchema, { status: STATUS, data })).toEqual([
      'data.id: a string ("1"), the fake sends a positive integer',
      'data.key_type: "secret", the fake sends one of "private", "public"',
      'data.name: null, the fake sends a string',
      'data.created_at: "2024-01-15T10:30:00.123Z", the fake sends an ISO 8601 UTC timestamp (no fractions)',
    ])
  })

  it('never shows a secret field’s value', () => {
    const data = { ...KEY, key_value: 'sk_live_abcdefghijklmnopqrstuvwx' }
    expect(lines(ApiKeyResponseSchema, { status: STATUS, data })).toEqual([
      'data.key_value: a string, the fake sends null',
    ])
    expect(
      lines(CreateApiKeyResponseSchema, { status: STATUS, data: { ...KEY, key_value: 5 } }),
    ).toEqual(['data.key_value: an integer (5), the fake sends a string'])
  })

  it('names fields in another order, nested ones too, with the moved ones and two others', () => {
    const { created_at, ...rest } = KEY
    const body = { data: { created_at, ...rest }, status: STATUS }
    expect(lines(ApiKeyResponseSchema, body)).toEqual([
      'body: fields in another order: data, status (the fake: status, data)',
      'data: fields in another order: created_at, id, key_type, … (the fake: id, key_type, …, created_at, …)',
    ])
  })

  it('checks every list item, and names a difference many items share once', () => {
    const data = [KEY, { ...KEY, user_email: 5 }, { ...KEY, user_email: 6 }]
    expect(diffWire(ListApiKeysResponseSchema, { status: STATUS, data })).toEqual([
      {
        at: 'data[1].user_email',
        kind: 'type',
        text: 'an integer (5), the fake sends a string',
        alsoAt: ['data[2].user_email'],
      },
    ])
  })

  it('reads optional fields, nullable ones and free-form objects as the schema does', () => {
    const agent = {
      id: '123',
      name: 'Support',
      tags: [],
      conversation_config: { anything: [1, { deep: true }] },
      platform_settings: {},
      published: false,
      published_at: null,
      elevenlabs_agent_id: 'agent_x',
      version: 1,
      phone_numbers: [],
      user_id: 1,
      user_email: 'user@example.com',
      created_at: '2024-01-15T10:30:00Z',
      updated_at: '2024-01-15T10:30:00Z',
    }
    expect(diffWire(AgentResponseSchema, { status: STATUS, data: agent })).toEqual([])
    const page = {
      status: STATUS,
      data: [agent],
      total_count: 1,
      has_more: false,
      next_offset: 'x',
    }
    expect(lines(ListAgentsResponseSchema, page)).toEqual([
      'next_offset: a string ("x"), the fake sends an integer of at least 0 or null',
    ])
    expect(lines(AgentResponseSchema, { status: STATUS, data: { ...agent, id: 123 } })).toEqual([
      'data.id: an integer (123), the fake sends a string matching /^[1-9]\\d{0,15}$/',
    ])
  })

  it('names a body that is not the envelope at all', () => {
    expect(lines(ApiKeyResponseSchema, [])).toEqual(['body: an array, the fake sends an object'])
    expect(lines(ApiKeyResponseSchema, { status: STATUS, data: null })).toEqual([
      'data: null, the fake sends an object',
    ])
  })
})

describe('describeOrder', () => {
  it('says nothing of the same order', () => {
    expect(describeOrder(['a', 'b'], ['a', 'b'])).toBeUndefined()
  })

  it('shows the moved fields and the first two that kept their order, … for the rest', () => {
    const fake = ['conversation_id', 'agent_id', 'status', 'transcript', 'created_at']
    const sent = ['created_at', 'conversation_id', 'agent_id', 'status', 'transcript']
    expect(describeOrder(sent, fake)).toBe(
      'created_at, conversation_id, agent_id, … (the fake: conversation_id, agent_id, …, created_at)',
    )
    expect(describeOrder(['b', 'a'], ['a', 'b'])).toBe('b, a (the fake: a, b)')
  })
})
