import { readBodyParams, readWrapper, type BodyParams } from './body.js'
import { castParam, type EndpointContext, type RouteParams } from './endpoint.js'
import type { PlainRequest } from './plain-request.js'
import type { Principal } from './principal.js'
import type { CoreRuntime } from './runtime.js'
import type { CollectionDefinition, RecordId } from '../store/collection.js'

/**
 * What a resolver sees (`EndpointContext`), one per request. A class rather than an object
 * literal: the query and the body are parsed only when read, and every request's context has one
 * shape.
 */
export class RequestContext implements EndpointContext<unknown> {
  readonly store: unknown
  readonly principal: Principal | undefined
  readonly params: Readonly<Record<string, string>>
  readonly revealKeyValues: boolean
  readonly #params: RouteParams
  readonly #search: string
  readonly #request: PlainRequest
  readonly #recordOwner: CoreRuntime['recordOwner']

  constructor(
    store: unknown,
    principal: Principal | undefined,
    params: RouteParams,
    search: string,
    request: PlainRequest,
    revealKeyValues: boolean,
    recordOwner: CoreRuntime['recordOwner'],
  ) {
    this.store = store
    this.principal = principal
    this.params = params.raw
    this.revealKeyValues = revealKeyValues
    this.#params = params
    this.#search = search
    this.#request = request
    this.#recordOwner = recordOwner
  }

  param(name: string): string | number | undefined {
    return castParam(this.#params, name)
  }

  recordOwner<R extends object, Id extends RecordId>(
    collection: CollectionDefinition<R, Id>,
    id: RecordId,
  ): number | null | undefined {
    return this.#recordOwner(collection, id)
  }

  get query(): URLSearchParams {
    return new URLSearchParams(this.#search)
  }

  fields(wrapper: string): Record<string, unknown> {
    return readWrapper(this.#request.body, this.#request.header('content-type'), wrapper)
  }

  rawBody(): Uint8Array | undefined {
    return this.#request.body
  }

  baseUrl(): string {
    return `${this.#request.origin ?? ''}${this.#request.basePath}`
  }

  async bodyParams(): Promise<BodyParams> {
    return readBodyParams(this.#request.body, this.#request.header('content-type'))
  }
}
