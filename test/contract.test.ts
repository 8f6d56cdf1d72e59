import { readdirSync } from 'node:fs'
import {
  AgentSchema,
  ApiKeyResponseSchema,
  ConversationSchema,
  DeleteAgentResponseSchema,
  CreateApiKeyRequestSchema,
  CreateApiKeyResponseSchema,
  CreateIntegrationRequestSchema,
  DeleteApiKeyResponseSchema,
  ErrorResponseSchema,
  IntegrationSchema,
  ListApiKeysResponseSchema,
  UpdateAgentRequestSchema,
  UpdateApiKeyRequestSchema,
  UpdateIntegrationRequestSchema,
  CampaignSchema,
} from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'
import type { z } from 'zod'
import { FIXTURE_FILES, fixture } from './support/fixtures.js'

const SCHEMAS: Record<(typeof FIXTURE_FILES)[number], z.ZodType> = {
  'get-api-key.response.json': ApiKeyResponseSchema,
  'list-api-keys.response.json': ListApiKeysResponseSchema,
  'create-api-key.request.json': CreateApiKeyRequestSchema,
  'create-api-key.response.json': CreateApiKeyResponseSchema,
  'update-api-key.request.json': UpdateApiKeyRequestSchema,
  'update-api-key.response.json': ApiKeyResponseSchema,
  'delete-api-key.response.json': DeleteApiKeyResponseSchema,
  'error-envelope.example.json': ErrorResponseSchema,
  'list-agents.item.json': AgentSchema,
  'update-agent.request.json': UpdateAgentRequestSchema,
  'delete-agent.response.json': DeleteAgentResponseSchema,
  'get-conversation.data.json': ConversationSchema,
  'integration.example.json': IntegrationSchema,
  'create-integration.request.json': CreateIntegrationRequestSchema,
  'update-integration.request.json': UpdateIntegrationRequestSchema,
  'campaign.example.json': CampaignSchema,
  'create-campaign.data.json': CampaignSchema,
}

it('lists every fixture file in the contract table', () => {
  const files = readdirSync(new URL('../fixtures/', import.meta.url)).filter((name) =>
    name.endsWith('.json'),
  )
  expect(files.sort()).toEqual([...FIXTURE_FILES].sort())
})

it.each(FIXTURE_FILES)('parses fixture %s with its wire schema', (name) => {
  const result = SCHEMAS[name].safeParse(fixture(name))
  expect(result.error).toBeUndefined()
  // Schemas are strict: parsing keeps every field, so nothing in the fixture went unchecked.
  expect(result.data).toEqual(fixture(name))
})

it('rejects a key that reveals its secret outside the create response', () => {
  const body = fixture('get-api-key.response.json')
  body.data.key_value = 'sk_live_abc123xyz789'
  expect(ApiKeyResponseSchema.safeParse(body).success).toBe(false)
})

it('rejects timestamps with fractional seconds or without Z', () => {
  for (const stamp of ['2024-01-10T08:00:00.000Z', '2024-01-10T08:00:00+00:00']) {
    const body = fixture('get-api-key.response.json')
    body.data.created_at = stamp
    expect(ApiKeyResponseSchema.safeParse(body).success, stamp).toBe(false)
  }
})
