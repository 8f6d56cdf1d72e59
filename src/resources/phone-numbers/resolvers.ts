/** The code behind the phone-number endpoints, as the web app calls them (`resource.json`). */
import type * as z from 'zod'
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { ApiError, failWith } from '../../pipeline/envelope.js'
import { ownerOf, parseFields, readQuery } from '../../pipeline/fields.js'
import { permitFields, PERMIT } from '../../pipeline/strong-params.js'
import type { AgentsStore } from '../agents/store.js'
import type { Resolver } from '../resource.js'
import data from './resource.json' with { type: 'json' }
import {
  AvailablePhoneNumbersQuerySchema,
  CreatePhoneNumberRequestSchema,
  UpdatePhoneNumberRequestSchema,
} from './schemas.js'
import type { PhoneNumbersStore } from './store.js'

type Store = PhoneNumbersStore & AgentsStore
type Context = EndpointContext<Store>

// @note Another user's number answers exactly like a missing one.
const notFound = failWith(
  'phone_number_not_found',
  data.errors.phone_number_not_found,
  data.errorMessages.phoneNumberNotFound,
)
const agentNotFound = failWith(
  'agent_not_found',
  data.errors.agent_not_found,
  data.errorMessages.agentNotFound,
)

/**
 * `params.permit(:phone_number, :label, :provider, :agent_id, :language)` at the body's top level:
 * the web app sends no wrapper, and Rails wraps no body that already has a `phone_number` key.
 */
const PERMITTED = {
  phone_number: PERMIT.string,
  label: PERMIT.string,
  provider: PERMIT.string,
  agent_id: PERMIT.string,
  language: PERMIT.string,
} as const

/** The agent a body names, when it names one: it must be the caller's (`""` and `null` name none). */
function checkAgent(context: Context, agentId: unknown): void {
  if (typeof agentId !== 'string' || agentId === '') return
  if (context.store.getAgent(ownerOf(context), agentId) === undefined) agentNotFound()
}

/**
 * The body's permitted and cast fields, validated by `schema` (a 422 lists every problem) once the
 * agent they name is found: the controller finds the agent first, so its 404 wins over a 422.
 */
async function bodyFields<T>(context: Context, schema: z.ZodType<T>): Promise<T> {
  const fields = permitFields(PERMITTED, await context.bodyParams())
  checkAgent(context, fields['agent_id'])
  return parseFields(schema, fields)
}

const phoneNumberIdOf = (context: Context): number =>
  (context.param('phoneNumberId') as number | undefined) ?? notFound()

export const resolvers = {
  listPhoneNumbers: (context: Context) => ({
    data: context.store.listPhoneNumbers(ownerOf(context)),
  }),
  listAccountPhoneNumbers: (context: Context) => ({
    data: context.store.listAccountPhoneNumbers(ownerOf(context)),
  }),
  listAvailablePhoneNumbers: (context: Context) => ({
    data: context.store.listAvailablePhoneNumbers(
      readQuery(context, AvailablePhoneNumbersQuerySchema),
    ),
  }),
  async createPhoneNumber(context: Context) {
    const fields = await bodyFields(context, CreatePhoneNumberRequestSchema)
    // @note Uniqueness is checked once the fields are valid (Rails would list it beside them).
    if (context.store.isPhoneNumberTaken(fields.phone_number))
      throw new ApiError('validation_failed', [data.errorMessages.phoneNumberTaken])
    return { data: context.store.createPhoneNumber(ownerOf(context), fields) }
  },
  getPhoneNumber: (context: Context) => ({
    data: context.store.getPhoneNumber(ownerOf(context), phoneNumberIdOf(context)) ?? notFound(),
  }),
  async updatePhoneNumber(context: Context) {
    const [owner, id] = [ownerOf(context), phoneNumberIdOf(context)]
    // Looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
    if (context.store.getPhoneNumber(owner, id) === undefined) notFound()
    const fields = await bodyFields(context, UpdatePhoneNumberRequestSchema)
    return { data: context.store.updatePhoneNumber(owner, id, fields) ?? notFound() }
  },
  deletePhoneNumber: (context: Context) =>
    context.store.deletePhoneNumber(ownerOf(context), phoneNumberIdOf(context)) ? {} : notFound(),
} satisfies Record<string, Resolver<Store>>
