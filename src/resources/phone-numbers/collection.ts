import { defineCollection } from '../../store/collection.js'
import { PhoneNumberRecordSchema, type PhoneNumberRecord } from './schemas.js'

/**
 * Phone numbers, each owned by a user and attached to at most one of their agents. @note A
 * number is unique across users: a real number belongs to one account.
 */
export const PHONE_NUMBERS = defineCollection(
  'phone_numbers',
  'phone_number',
  PhoneNumberRecordSchema,
  {
    label: 'phone number',
    owner: 'user_id',
    unique: 'phone_number',
    copy: (number: PhoneNumberRecord) => ({ ...number }),
  },
)

export const COLLECTIONS = [PHONE_NUMBERS] as const
