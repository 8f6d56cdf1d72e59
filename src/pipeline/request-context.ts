import { readBodyParams, readWrapper, type BodyParams } from './body.js'
import { castParam, type EndpointContext, type RouteParams } from './endpoint.js'
import type { PlainRequest } from './plain-request.js'
import type { Principal } from './principal.js'

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

  constructor(
    store: unknown,
    principal: Principal | undefined,
    params: RouteParams,
    search: string,
    request: PlainRequest,
    revealKeyValues: boolean,
  ) {
    this.store = store
    this.principal = principal
    this.params = params.raw
    this.revealKeyValues = revealKeyValues
    this.#params = params
    this.#search = search
    this.#request = request
  }

  param(name: string): string | number | undefined {
    return castParam(this.#params, name)
  }

  get query(): URLSearchParams {
    return new URLSearchParams(this.#search)
  }

  fields(wrapper: string): Record<string, unknown> {
    return readWrapper(this.#request.body, this.#request.header('content-type'), wrapper)
  }

  async bodyParams(): Promise<BodyParams> {
    return readBodyParams(this.#request.body, this.#request.header('content-type'))
  }
}
