import type { Meta, StoryObj } from '@storybook/html-vite'
import { http, HttpResponse } from 'msw'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE } from 'voiceable-mock'
import { createApiKeyList, type Credentials } from '../src/api-key-list.ts'
import { API_BASE_URL, voiceable } from '../src/voiceable.ts'

interface Args {
  credentials: Credentials
}

const meta: Meta<Args> = {
  title: 'API keys/List',
  args: { credentials: { apiKey: DOCUMENTED_KEY_VALUE } },
  render: ({ credentials }, { loaded }) =>
    createApiKeyList({
      baseUrl: API_BASE_URL,
      credentials: (loaded['credentials'] as Credentials | undefined) ?? credentials,
    }),
}
export default meta

type Story = StoryObj<Args>

/** The fake from preview.ts: user 1 and the documented key 1. */
export const Default: Story = {}

/** Per-story data: a whole other fake, here the `multi-tenant` scenario (user 1 owns six keys). */
const multiTenant = createVoiceableMock({ baseUrl: API_BASE_URL, scenario: 'multi-tenant' })
export const MultiTenant: Story = {
  parameters: { msw: { handlers: multiTenant.handlersByEndpoint } },
}

/** The `empty` scenario has no API keys, so the story signs in with a JWT from the fake's store. */
const empty = createVoiceableMock({ baseUrl: API_BASE_URL, scenario: 'empty' })
export const Empty: Story = {
  parameters: { msw: { handlers: empty.handlersByEndpoint } },
  loaders: [async () => ({ credentials: { token: await empty.store.issueToken(1) } })],
}

/** An error state by overriding one key of the record; the other endpoints stay on the fake. */
export const ServerError: Story = {
  parameters: {
    msw: {
      handlers: {
        listApiKeys: [
          http.get(`${API_BASE_URL}/api_keys`, () =>
            HttpResponse.json(
              {
                status: { code: 500, message: 'Internal Server Error' },
                error: 'internal_error',
                errors: ['Something broke'],
              },
              { status: 500 },
            ),
          ),
        ],
      },
    },
  },
}

/** An error state from the fake's own fault injection (cleared by preview.ts's `reset()`). */
export const Unavailable: Story = {
  beforeEach: () => {
    voiceable.faults.error(503, { endpoint: 'listApiKeys' })
  },
}
