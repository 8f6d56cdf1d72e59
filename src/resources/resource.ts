/**
 * What a resource is, and how its folder declares it. A resource folder's `index.ts` exports its
 * parts by convention (`ResourceParts`): the declarations as data (`resource.json`: its endpoints
 * with their OpenAPI words, its messages and errors), its zod schemas, its collections, its
 * resolvers (one per endpoint, by name), its seed and its store methods. `defineResource` joins
 * them into the definition the shared machinery reads: the endpoint table, the store, the
 * snapshot format, the scenarios, the messages and the OpenAPI document all come from the list of
 * these (`resources/index.ts`).
 */
import type * as z from 'zod'
import {
  type AnyEndpoint,
  type DocumentedExample,
  type EndpointAccess,
  type EndpointContext,
  type EndpointDefinition,
  type Evidence,
  type HttpMethod,
  type OperationDoc,
} from '../pipeline/endpoint.js'
import { READ_MESSAGE, type ErrorDefinition } from '../pipeline/envelope.js'
import { PARAM_KINDS } from '../pipeline/record-id.js'
import type { CollectionDefinition, RecordId } from '../store/collection.js'
import type { Seeder, StateField, StoreContext } from '../store/context.js'
import type { StoreCalls } from '../store/store-calls.js'
import { RawReply } from '../pipeline/raw-reply.js'

/** One endpoint as `resource.json` declares it. */
export interface EndpointData {
  readonly name: string
  readonly method: string
  /** Under the base URL, with `:param` segments: `/api_keys/:keyId`. */
  readonly path: string
  readonly access: string
  /** The success status, its body's schema (an export of `schemas.ts`), its `status.message` (`read`, or a key of `successMessages`). */
  readonly response: {
    readonly status: number
    readonly schema: string
    readonly message: string
    /** The success body's media type when it is not JSON (a `RawReply`'s). */
    readonly mediaType?: string
  }
  /** Each `:param` of `path` and its kind (`PARAM_KINDS`: how it is typed and cast). */
  readonly params?: Readonly<Record<string, string>>
  /** The body's schema, wrapper included (an export of `schemas.ts`), and its media type if not JSON. */
  readonly body?: string
  readonly mediaType?: string
  /** The query's schema (an export of `schemas.ts`). */
  readonly query?: string
  /** The codes of the resource's own errors the resolver throws (keys of `errors`). */
  readonly errors?: readonly string[]
  /** The OpenAPI words; `success` follows the `status.message`, written in front of it. */
  readonly doc: Omit<OperationDoc, 'evidence'> & { readonly evidence: string }
  /** Documented examples: the page they are on and their file in `fixtures/`. */
  readonly examples?: {
    readonly request?: { readonly page: string; readonly fixture: string }
    readonly response?: { readonly page: string; readonly fixture: string }
  }
}

/** A resource's declarations: its `resource.json`. */
export interface ResourceData {
  /** Its name, as its folder: `apiKeys`. */
  readonly name: string
  /** Its group in the OpenAPI document. */
  readonly tag: { readonly name: string; readonly description: string }
  /** The `status.message` of its successful writes, by name (`SUCCESS_MESSAGES`). */
  readonly successMessages: Readonly<Record<string, string>>
  /** The sentences of its errors' `errors`, by name (`ERROR_MESSAGES`). */
  readonly errorMessages: Readonly<Record<string, string>>
  /** Its endpoints' own errors, by code (`ERROR_STATUS`), with what each means. */
  readonly errors: Readonly<Record<string, Omit<ErrorDefinition, 'code'>>>
  /** Parts of its responses the OpenAPI document names as components (schemas by export name). */
  readonly parts?: readonly {
    readonly name: string
    readonly schema: string
    readonly description: string
    /** The fixture (or fixtures) that are examples of the part. */
    readonly example?: string | readonly string[]
  }[]
  /** Its endpoints, in table order. */
  readonly endpoints: readonly EndpointData[]
}

/**
 * What a resolver answers: the body after `status` (`data`, then anything else, as `token`), or
 * bytes that are not JSON (`RawReply`), sent as they are.
 */
export type Reply = Readonly<Record<string, unknown>> | RawReply

/** The code behind one endpoint: the request's context in, the body after `status` out. */
export type Resolver<Store> = (context: EndpointContext<Store>) => Reply | Promise<Reply>

/** What a resource folder's `index.ts` exports. */
export interface ResourceParts<Store extends object> {
  readonly data: ResourceData
  /** Its wire schemas (the module): endpoints and parts name them, and so does the document. */
  readonly schemas: Readonly<Record<string, unknown>>
  /** Its records, in the order the snapshot writes them. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each collection has its own record type
  readonly collections: readonly CollectionDefinition<any, RecordId>[]
  /** Its state beside records (a signing secret), in the order the snapshot writes it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each field has its own type
  readonly state?: readonly StateField<any>[]
  /**
   * The seeded stream its data draws from besides the main one (`seed`, users and keys): each
   * kind of generated data draws from a stream of its own, so the data of a seed stays what it
   * was when a resource is added. No two resources share one (`resources.test.ts`).
   */
  readonly stream?: number
  /** One resolver per endpoint of `data`, by endpoint name. */
  readonly resolvers: Readonly<Record<string, Resolver<Store>>>
  /** Adds its starting records for a scenario (`SEED_ORDER`). */
  readonly seed: (seeder: Seeder) => void
  /** Its `mock.store` methods, over the store's collections. */
  readonly store: (context: StoreContext) => Store
  /** How `mock.store` checks each method's arguments. */
  readonly storeCalls: StoreCalls<Store>
  /** The documented examples `data` names, by file name. */
  readonly fixtures?: Readonly<Record<string, unknown>>
  /**
   * Brings a snapshot written before this resource changed the format up to date (a parsed but
   * unvalidated snapshot in, the same or an upgraded one out); it runs before validation.
   */
  readonly upgradeSnapshot?: (snapshot: Record<string, unknown>) => Record<string, unknown>
}

/** A schema the OpenAPI document names as a component, with its description. */
export interface NamedPart {
  readonly name: string
  readonly schema: z.ZodType
  readonly description: string
  readonly examples?: readonly unknown[]
}

/** A resource as the shared machinery reads it. */
export interface ResourceDefinition<
  Store extends object = object,
  Name extends string = string,
  Code extends string = string,
> extends Omit<ResourceParts<Store>, 'data' | 'resolvers' | 'fixtures'> {
  readonly name: string
  readonly tag: ResourceData['tag']
  readonly endpoints: readonly (AnyEndpoint & { readonly name: Name })[]
  readonly errors: { readonly [C in Code]: ErrorDefinition & { readonly code: C } }
  readonly successMessages: Readonly<Record<string, string>>
  readonly errorMessages: Readonly<Record<string, string>>
  readonly parts: readonly NamedPart[]
}

const MEDIA_TYPES: readonly string[] = ['multipart/form-data']
const EVIDENCE: readonly string[] = ['docs', 'client'] satisfies Evidence[]
const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies HttpMethod[]
const ACCESS: readonly string[] = [
  'anonymous',
  'public',
  'self',
  'read',
  'write',
] satisfies EndpointAccess[]

/** A check of the declarations: one sentence naming what is wrong and where. */
function must<T>(value: T | undefined, problem: string): T {
  if (value === undefined) throw new Error(`Failed to define a resource: ${problem}`)
  return value
}

function oneOf(value: string, allowed: readonly string[], what: string): string {
  return must(allowed.includes(value) ? value : undefined, `${what} ${value} is unknown`)
}

/** Joins one endpoint's declaration, schemas and resolver into a row of the endpoint table. */
function toEndpoint<Store extends object>(
  endpoint: EndpointData,
  parts: ResourceParts<Store>,
  errors: Readonly<Record<string, ErrorDefinition>>,
): EndpointDefinition<Store> {
  const { data, schemas } = parts
  const at = `${data.name}.${endpoint.name}`
  const schema = (name: string): z.ZodType =>
    must(schemas[name] as z.ZodType | undefined, `${at}: no schema ${name}`)
  const example = (given: { page: string; fixture: string } | undefined) =>
    given === undefined
      ? undefined
      : {
          summary: `The documented example (Voiceable API reference, ${given.page})`,
          value: must(parts.fixtures?.[given.fixture], `${at}: no fixture ${given.fixture}`),
        }
  const { status, message: messageName } = endpoint.response
  const message =
    messageName === 'read'
      ? READ_MESSAGE
      : must(data.successMessages[messageName], `${at}: no success message ${messageName}`)
  const resolver = must(parts.resolvers[endpoint.name], `${at}: no resolver`)
  return {
    name: endpoint.name,
    method: oneOf(endpoint.method, METHODS, `${at}: method`) as HttpMethod,
    path: endpoint.path,
    access: oneOf(endpoint.access, ACCESS, `${at}: access`) as EndpointAccess,
    response: {
      status: must(status === 200 || status === 201 ? status : undefined, `${at}: status`),
      schema: schema(endpoint.response.schema),
      message,
      ...(endpoint.response.mediaType === undefined
        ? {}
        : { mediaType: endpoint.response.mediaType }),
    },
    ...(endpoint.params === undefined
      ? {}
      : {
          params: Object.fromEntries(
            Object.entries(endpoint.params).map(([name, kind]) => [
              name,
              must(PARAM_KINDS[kind], `${at}: parameter kind ${kind}`),
            ]),
          ),
        }),
    ...(endpoint.body === undefined
      ? {}
      : {
          body:
            endpoint.mediaType === undefined
              ? schema(endpoint.body)
              : {
                  schema: schema(endpoint.body),
                  mediaType: oneOf(
                    endpoint.mediaType,
                    MEDIA_TYPES,
                    `${at}: media type`,
                  ) as 'multipart/form-data',
                },
        }),
    ...(endpoint.query === undefined ? {} : { query: schema(endpoint.query) as z.ZodObject }),
    errors: (endpoint.errors ?? []).map((code) => must(errors[code], `${at}: no error ${code}`)),
    // @note Read by the OpenAPI document only, so built when read: the package's build leaves the
    // words out of `resource.json` (scripts/build/openapi-words.mjs), and its demo server serves
    // the document written at build time.
    get doc() {
      return {
        ...endpoint.doc,
        success: `\`${message}\`: ${endpoint.doc.success}`,
        evidence: oneOf(endpoint.doc.evidence, EVIDENCE, `${at}: evidence`) as Evidence,
      }
    },
    get examples() {
      const examples: { request?: DocumentedExample; response?: DocumentedExample } = {}
      const request = example(endpoint.examples?.request)
      const response = example(endpoint.examples?.response)
      if (request !== undefined) examples.request = request
      if (response !== undefined) examples.response = response
      return examples
    },
    resolve(context) {
      const reply = resolver(context)
      // @note `status` first, then the reply's fields in their order: one object per answer.
      const toBody = (body: Reply) =>
        body instanceof RawReply ? body : Object.assign({ status: { code: status, message } }, body)
      return reply instanceof Promise
        ? reply.then((body) => ({ status, body: toBody(body) }))
        : { status, body: toBody(reply) }
    },
  }
}

type Data<Parts> = Parts extends { data: infer D } ? D : never
type CodesOf<Parts> = Data<Parts> extends { errors: infer E } ? keyof E & string : never
type NamesOf<Parts> = Parts extends { resolvers: infer R } ? keyof R & string : never
type StoreOf<Parts> = Parts extends { store: (context: StoreContext) => infer S extends object }
  ? S
  : never
/** A resource's definition, typed: its endpoint names, error codes, collections and state. */
type DefinitionOf<Parts> = ResourceDefinition<StoreOf<Parts>, NamesOf<Parts>, CodesOf<Parts>> & {
  readonly collections: Parts extends { collections: infer C } ? C : never
  readonly state: Parts extends { state: infer S } ? S : undefined
  readonly successMessages: Data<Parts> extends { successMessages: infer M } ? M : never
  readonly errorMessages: Data<Parts> extends { errorMessages: infer M } ? M : never
}

/**
 * Joins a resource folder's parts (its `index.ts`, imported as a module) into its definition,
 * checking its declarations against its code: every schema, resolver, error, message, parameter
 * kind and fixture `resource.json` names must exist, and every resolver must have an endpoint.
 * @example export const RESOURCES = [defineResource(apiKeys), …]
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource's resolvers and calls read its own store's part
export function defineResource<const Parts extends ResourceParts<any>>(
  parts: Parts,
): DefinitionOf<Parts> {
  const { data } = parts
  const errors = Object.fromEntries(
    Object.entries(data.errors).map(([code, error]) => [code, { ...error, code }]),
  )
  const endpoints = data.endpoints.map((endpoint) => toEndpoint(endpoint, parts, errors))
  for (const name of Object.keys(parts.resolvers))
    must(
      endpoints.some((endpoint) => endpoint.name === name) ? true : undefined,
      `${data.name}: resolver ${name} has no endpoint`,
    )
  const schema = (name: string): z.ZodType =>
    must(parts.schemas[name] as z.ZodType | undefined, `${data.name}: no schema ${name}`)
  return {
    name: data.name,
    tag: data.tag,
    collections: parts.collections,
    ...(parts.state === undefined ? {} : { state: parts.state }),
    ...(parts.stream === undefined ? {} : { stream: parts.stream }),
    endpoints,
    errors,
    successMessages: data.successMessages,
    errorMessages: data.errorMessages,
    schemas: parts.schemas,
    // Read by the OpenAPI document only, as `doc` above.
    get parts() {
      return (data.parts ?? []).map((part) => ({
        name: part.name,
        schema: schema(part.schema),
        description: part.description,
        ...(part.example === undefined
          ? {}
          : {
              examples: [part.example]
                .flat()
                .map((name) =>
                  must(parts.fixtures?.[name], `${data.name}.${part.name}: no fixture ${name}`),
                ),
            }),
      }))
    },
    seed: parts.seed,
    store: parts.store,
    storeCalls: parts.storeCalls,
    ...(parts.upgradeSnapshot === undefined ? {} : { upgradeSnapshot: parts.upgradeSnapshot }),
  } as unknown as DefinitionOf<Parts>
}
