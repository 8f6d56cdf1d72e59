/** How `mock.store`'s phone-number methods check their arguments (strict, no casting). */
import * as z from 'zod'
import { oneOf, strictShape } from '../../internal/input-validation.js'
import {
  EXISTING_USER_ID,
  RecordIdSchema,
  USER_ID,
  type ArgCheck,
  type StoreCalls,
} from '../../store/store-calls.js'
import type { AgentsStore } from '../agents/store.js'
import { COUNTRIES } from './defaults.js'
import { PhoneNumberProviderSchema } from './schemas.js'
import type { PhoneNumbersStore } from './store.js'

const AGENT_ID = z
  .union([z.string(), z.null()], { error: "must be an agent's id (such as '123') or null" })
  .optional()

/** The agent a number is attached to must be the owner's (`args[0]`). */
type Store = AgentsStore & PhoneNumbersStore

function foreignAgent(
  fields: { agent_id?: string | null },
  store: Store,
  args: readonly unknown[],
) {
  const agentId = fields.agent_id
  if (agentId === undefined || agentId === null || agentId === '') return undefined
  return store.getAgent(args[0] as number, agentId) === undefined
    ? `agent_id must be the id of one of user ${String(args[0])}'s agents, got '${agentId}'`
    : undefined
}

const CREATE_FIELDS: ArgCheck = {
  name: 'fields',
  schema: strictShape(
    {
      phone_number: z
        .string({ error: "must be a phone number in E.164 form, such as '+15550100'" })
        .regex(/^\+[1-9]\d{6,14}$/, {
          error: "must be a phone number in E.164 form, such as '+15550100'",
        }),
      label: z
        .string({ error: 'must be a non-empty string' })
        .min(1, { error: 'must be a non-empty string' }),
      provider: oneOf(PhoneNumberProviderSchema.options),
      agent_id: AGENT_ID,
    },
    'field',
  ),
  against: (fields: { phone_number: string; agent_id?: string | null }, store: Store, args) =>
    (store.isPhoneNumberTaken(fields.phone_number)
      ? `phone_number must not be taken (numbers are unique across users), got '${fields.phone_number}'`
      : undefined) ?? foreignAgent(fields, store, args),
}

const UPDATE_FIELDS: ArgCheck = {
  name: 'fields',
  schema: strictShape(
    {
      agent_id: AGENT_ID,
      label: z
        .string({ error: 'must be a non-empty string' })
        .min(1, { error: 'must be a non-empty string' })
        .optional(),
    },
    'field',
  ),
  against: foreignAgent,
}

const ID = { name: 'id', schema: RecordIdSchema }

export const PHONE_NUMBER_STORE_CALLS: StoreCalls<PhoneNumbersStore> = {
  createPhoneNumber: {
    failure: 'Failed to create phone number',
    args: [EXISTING_USER_ID, CREATE_FIELDS],
  },
  updatePhoneNumber: {
    failure: 'Failed to update phone number',
    args: [USER_ID, ID, UPDATE_FIELDS],
  },
  deletePhoneNumber: { failure: 'Failed to delete phone number', args: [USER_ID, ID] },
  listAvailablePhoneNumbers: {
    failure: 'Failed to list available phone numbers',
    args: [
      {
        name: 'query',
        schema: strictShape(
          {
            country_code: oneOf(Object.keys(COUNTRIES) as (keyof typeof COUNTRIES)[]).optional(),
            area_code: z
              .string({ error: 'must be three digits' })
              .regex(/^\d{3}$/, { error: 'must be three digits' })
              .optional(),
          },
          'field',
        ).optional(),
      },
    ],
  },
}
