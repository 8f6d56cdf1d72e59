/**
 * The fake's side of a comparison, for the requests whose answer does not depend on data (a
 * missing or bad credential, an id that cannot exist, blank fields): the same request, sent to a
 * fresh in-process fake (`mock.fetch`, built-in data, the documented key as the caller). Parent
 * ids come from the fake's own lists, as the backend's come from its.
 */
import { createVoiceableMock, type VoiceableMock } from '../../mock.js'
import type { AnyEndpoint } from '../../pipeline/endpoint.js'
import { DOCUMENTED_KEY_VALUE } from '../../resources/api-keys/documented.js'
import type { Expectation } from './check.js'
import { listItemsOf, missingPath, resolvePath } from './paths.js'

/** Where the in-process fake answers: a host that resolves nowhere (`.invalid`). */
const FAKE_BASE_URL = 'http://voiceable-mock.verify.invalid/api/v1'

/** Who a request is sent as: the caller's API key, no credential, or one no backend issued. */
export type Credential = 'caller' | 'none' | 'bad'

/** The credential no backend issued (it has no key's shape, so it is never taken for a secret). */
export const BAD_API_KEY = 'voiceable-mock-verify-not-a-key'

/** The headers of a credential, given the caller's API key. */
export function credentialHeaders(credential: Credential, apiKey: string): Record<string, string> {
  if (credential === 'none') return {}
  return { 'X-API-Key': credential === 'caller' ? apiKey : BAD_API_KEY }
}

/** The fake, asked what it answers. */
export class FakeSide {
  readonly #mock: VoiceableMock = createVoiceableMock({ baseUrl: FAKE_BASE_URL, rateLimit: false })

  async #send(
    method: string,
    path: string,
    credential: Credential,
    body: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const headers = credentialHeaders(credential, DOCUMENTED_KEY_VALUE)
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await this.#mock.fetch(`${FAKE_BASE_URL}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, body: await response.json() }
  }

  /** The path the fake is asked on: its own ids for every param but the last, which cannot exist. */
  async #pathOf(template: string): Promise<string> {
    const resolved = await resolvePath(
      template,
      async (_listTemplate, listPath) => {
        const { status, body } = await this.#send('GET', listPath, 'caller', undefined)
        const items = listItemsOf(body)
        return status === 200 && items !== undefined ? items : { reason: 'none' }
      },
      true,
    )
    return 'path' in resolved ? resolved.path : missingPath(template)
  }

  /**
   * What the fake answers an endpoint's request that does not depend on data: with `credential`,
   * on its path with an id that cannot exist (the fake's own ids before it), with `body`.
   */
  async expect(
    endpoint: AnyEndpoint,
    credential: Credential,
    body?: unknown,
  ): Promise<Expectation> {
    const path = await this.#pathOf(endpoint.path)
    const answer = await this.#send(endpoint.method, path, credential, body)
    const envelope = answer.body as { status: { message: string }; error?: string }
    return {
      status: answer.status,
      message: envelope.status.message,
      errorCode: envelope.error,
      successSchema: endpoint.response.schema,
      mediaType: endpoint.response.mediaType,
    }
  }
}

/** What the fake answers a request that succeeds: the endpoint table's status, schema and message. */
export function declared(endpoint: AnyEndpoint): Expectation {
  return {
    status: endpoint.response.status,
    message: endpoint.response.message,
    successSchema: endpoint.response.schema,
    mediaType: endpoint.response.mediaType,
  }
}
