import { expect, waitFor } from 'storybook/test'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE } from 'voiceable-mock'
import preview from '../.storybook/preview.ts'
import { ApiKeys } from '../src/api-keys.tsx'
import { API_BASE_URL, voiceable } from '../src/voiceable.ts'

const meta = preview.meta({
  title: 'API keys',
  component: ApiKeys,
  args: { baseUrl: API_BASE_URL, apiKey: DOCUMENTED_KEY_VALUE },
})

/** The documented data: user 1 owns key 1, "Production API Key". */
export const Default = meta.story({})

/** A scenario chosen per story: in `multi-tenant`, user 1 owns six of the thirty keys. */
export const MultiTenant = meta.story({
  beforeEach() {
    voiceable.useScenario('multi-tenant')
  },
})

/**
 * One endpoint overridden: the list comes from another fake, in the `many-keys` scenario (500
 * keys); creating and deleting still go to the shared fake. `msw.use` puts the handlers in front
 * of the preview's, and the addon removes them when the story ends.
 */
const manyKeys = createVoiceableMock({ baseUrl: API_BASE_URL, scenario: 'many-keys' })
export const ManyKeys = meta.story({
  beforeEach({ msw }) {
    msw.use(...manyKeys.handlersByEndpoint.listApiKeys)
  },
})

/**
 * An injected fault: the list answers 503 in the API's error envelope. A block body, because
 * Storybook calls what `beforeEach` returns as a cleanup, and `faults.error` returns a handle.
 */
export const Unavailable = meta.story({
  beforeEach() {
    voiceable.faults.error(503, { endpoint: 'listApiKeys', message: 'Down for maintenance' })
  },
})

/** Creates a key as a user would, then checks the request the fake received. */
export const CreateKey = meta.story({
  async play({ canvas, userEvent }) {
    await userEvent.type(await canvas.findByLabelText('Name'), 'CI deploy key')
    await userEvent.selectOptions(canvas.getByLabelText('Type'), 'public')
    await userEvent.click(canvas.getByRole('button', { name: 'Create key' }))

    const secret =
      (await canvas.findByText(/it is not shown again/)).querySelector('code')?.textContent ?? ''
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('2 API keys'))

    // One create, as user 1, with the fields typed above; the journal masks the secret it sent,
    // keeping only the prefix that says what it was.
    expect(secret).toMatch(/^pk_live_\w+$/)
    expect(voiceable.journal.count({ endpoint: 'createApiKey' })).toBe(1)
    expect(voiceable.journal.last({ endpoint: 'createApiKey' })).toMatchObject({
      method: 'POST',
      status: 201,
      userId: 1,
      body: { api_key: { name: 'CI deploy key', key_type: 'public' } },
      response: { data: { name: 'CI deploy key', key_value: 'pk_live_********' } },
    })
  },
})
