/** The phone-numbers part of the store: every method scoped to one owner, returning fresh copies. */
import type { StoreContext } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { USERS } from '../accounts/users.js'
import { PHONE_NUMBERS } from './collection.js'
import { type COUNTRIES } from './defaults.js'
import { createAvailableNumbers, createElevenLabsPhoneNumberId } from './factory.js'
import type {
  AvailablePhoneNumber,
  PhoneNumber,
  PhoneNumberProvider,
  PhoneNumberRecord,
} from './schemas.js'

/** The seeded stream phone numbers draw from: created numbers' ElevenLabs ids. */
export const PHONE_NUMBERS_STREAM = 5

/** What `createPhoneNumber` takes; `agent_id` is the id of one of the owner's agents, or `null`. */
export interface CreatePhoneNumberFields {
  phone_number: string
  label: string
  provider: PhoneNumberProvider
  agent_id?: string | null | undefined
}

/** What `updatePhoneNumber` changes: the agent (`null` detaches it) and the label. */
export interface UpdatePhoneNumberFields {
  agent_id?: string | null | undefined
  label?: string | undefined
}

/** Phone numbers, as `mock.store` offers them. */
export interface PhoneNumbersStore {
  /** A user's phone numbers, in id order, each with its agent's id and name. */
  listPhoneNumbers(userId: number): PhoneNumber[]
  getPhoneNumber(userId: number, id: number): PhoneNumber | undefined
  /** Adds a number; its agent, if any, must be one of the owner's (else it throws). */
  createPhoneNumber(userId: number, fields: CreatePhoneNumberFields): PhoneNumber
  /** Attaches, detaches or relabels a number; bumps `updated_at` if anything changed. */
  updatePhoneNumber(
    userId: number,
    id: number,
    fields: UpdatePhoneNumberFields,
  ): PhoneNumber | undefined
  /** Whether any user has this number (numbers are unique across users). */
  isPhoneNumberTaken(phoneNumber: string): boolean
  /** Deletes a number: its agent no longer lists it; campaigns keep what they recorded. */
  deletePhoneNumber(userId: number, id: number): boolean
  /** Numbers in the user's Twilio account that are not in the app yet (generated, the same each time). */
  listAccountPhoneNumbers(userId: number): AvailablePhoneNumber[]
  /** Numbers for sale in a country (default `US`) and area code (generated, the same each time). */
  listAvailablePhoneNumbers(query?: {
    country_code?: keyof typeof COUNTRIES | undefined
    area_code?: string | undefined
  }): AvailablePhoneNumber[]
  /** Number of phone numbers across all users. */
  countPhoneNumbers(): number
}

/** The phone numbers' store methods, over the store's numbers, agents and users. */
export function createPhoneNumbersStore(context: StoreContext): PhoneNumbersStore {
  const numbers = context.collection(PHONE_NUMBERS)
  const agents = context.collection(AGENTS)
  const users = context.collection(USERS)

  /** A number in the wire format: a copy, with its agent's name. */
  function present(number: PhoneNumberRecord): PhoneNumber {
    const agent = number.agent_id === null ? undefined : agents.get(String(number.agent_id))
    return {
      id: number.id,
      phone_number: number.phone_number,
      label: number.label,
      provider: number.provider,
      elevenlabs_phone_number_id: number.elevenlabs_phone_number_id,
      agent_id: number.agent_id,
      agent_name: agent?.name ?? null,
      created_at: number.created_at,
      updated_at: number.updated_at,
    }
  }

  /** The integer id of one of the owner's agents, `null` for none; a foreign agent throws. */
  function agentIdOf(userId: number, agentId: string | null | undefined): number | null {
    if (agentId === null || agentId === undefined || agentId === '') return null
    if (agents.owned(userId, agentId) === undefined)
      throw new Error(`Failed to attach the phone number: user ${userId} has no agent ${agentId}`)
    return Number(agentId)
  }

  const taken = (phoneNumber: string): boolean => numbers.findUnique(phoneNumber) !== undefined

  return {
    listPhoneNumbers: (userId) => [...numbers.ownedBy(userId)].map(present),

    getPhoneNumber(userId, id) {
      const record = numbers.owned(userId, id)
      return record === undefined ? undefined : present(record)
    },

    createPhoneNumber(userId, fields) {
      if (users.get(userId) === undefined)
        throw new Error(`Failed to find user ${userId}: no such user in the store`)
      const createdAt = context.stamp()
      return present(
        numbers.insert({
          id: numbers.takeId(),
          phone_number: fields.phone_number.trim(),
          label: fields.label,
          provider: fields.provider,
          elevenlabs_phone_number_id: createElevenLabsPhoneNumberId(
            context.faker(PHONE_NUMBERS_STREAM),
          ),
          agent_id: agentIdOf(userId, fields.agent_id),
          created_at: createdAt,
          updated_at: createdAt,
          user_id: userId,
        }),
      )
    },

    updatePhoneNumber(userId, id, fields) {
      const record = numbers.owned(userId, id)
      if (record === undefined) return undefined
      const next: PhoneNumberRecord = {
        ...record,
        ...(fields.label === undefined ? {} : { label: fields.label }),
        ...(fields.agent_id === undefined ? {} : { agent_id: agentIdOf(userId, fields.agent_id) }),
      }
      if (next.label === record.label && next.agent_id === record.agent_id) return present(record)
      next.updated_at = context.stamp(record.updated_at)
      numbers.put(next)
      return present(next)
    },

    isPhoneNumberTaken: (phoneNumber) => taken(phoneNumber.trim()),

    deletePhoneNumber(userId, id) {
      if (numbers.owned(userId, id) === undefined) return false
      numbers.delete(id)
      return true
    },

    listAccountPhoneNumbers: (userId) => createAvailableNumbers({ userId }, taken),

    listAvailablePhoneNumbers: (query = {}) =>
      createAvailableNumbers(
        { country: query.country_code ?? 'US', areaCode: query.area_code },
        taken,
      ),

    countPhoneNumbers: () => numbers.size,
  }
}
