import { readFileSync } from 'node:fs'

/** Reads a documented example from fixtures/ as parsed JSON. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'))
}

export const FIXTURE_FILES = [
  'get-api-key.response.json',
  'list-api-keys.response.json',
  'create-api-key.request.json',
  'create-api-key.response.json',
  'update-api-key.request.json',
  'update-api-key.response.json',
  'delete-api-key.response.json',
  'error-envelope.example.json',
  'list-agents.item.json',
  'update-agent.request.json',
  'delete-agent.response.json',
  'get-conversation.data.json',
  'integration.example.json',
  'create-integration.request.json',
  'update-integration.request.json',
  'campaign.example.json',
  'create-campaign.data.json',
] as const
