import { hashOf } from '../../internal/hash.js'
import { createSeededRandom } from '../../internal/seeded-random.js'
import type { Faker } from '../../store/random.js'
import {
  ACCOUNT_NUMBERS_PER_USER,
  AVAILABLE_NUMBERS,
  COUNTRIES,
  ELEVENLABS_PHONE_NUMBER_ID_PREFIX,
} from './defaults.js'
import type { AvailablePhoneNumber, PhoneNumberRecord } from './schemas.js'

/** An `elevenlabs_phone_number_id` like the documented `phone_xyz`: the prefix and 12 characters. */
export function createElevenLabsPhoneNumberId(faker: Faker): string {
  return (
    ELEVENLABS_PHONE_NUMBER_ID_PREFIX + faker.string.alphanumeric({ length: 12, casing: 'lower' })
  )
}

/**
 * A generated number as an agent carries it. @note The draws are the ones the agents' seed always
 * made for its numbers (the number, then the ElevenLabs id), so the agents of every seed stay
 * what they were; the label and times take no draws.
 */
export function createAgentPhoneNumberData(
  faker: Faker,
  fields: Pick<PhoneNumberRecord, 'id' | 'agent_id' | 'user_id' | 'created_at'> & { label: string },
): PhoneNumberRecord {
  return {
    id: fields.id,
    phone_number: `+1${faker.string.numeric({ length: 10, allowLeadingZeros: false })}`,
    label: fields.label,
    provider: 'elevenlabs',
    elevenlabs_phone_number_id: createElevenLabsPhoneNumberId(faker),
    agent_id: fields.agent_id,
    created_at: fields.created_at,
    updated_at: fields.created_at,
    user_id: fields.user_id,
  }
}

/**
 * Numbers a user could add: those for sale in a country and area code, or those in their Twilio
 * account (`source` names which). The same list for the same source every time, drawn from its
 * own seed; numbers in `taken` are left out.
 */
export function createAvailableNumbers(
  source: { country: keyof typeof COUNTRIES; areaCode?: string | undefined } | { userId: number },
  taken: (phoneNumber: string) => boolean,
): AvailablePhoneNumber[] {
  const country = 'country' in source ? source.country : 'US'
  const { prefix, digits, region, price } = COUNTRIES[country]
  const areaCode = 'areaCode' in source ? (source.areaCode ?? '') : ''
  const random = createSeededRandom(hashOf(JSON.stringify(source)))
  const count = 'userId' in source ? ACCOUNT_NUMBERS_PER_USER : AVAILABLE_NUMBERS
  const numbers: AvailablePhoneNumber[] = []
  for (let attempt = 0; numbers.length < count && attempt < count * 4; attempt++) {
    const rest = Array.from({ length: digits - areaCode.length }, (_, i) =>
      String(
        Math.floor(random() * (i === 0 && areaCode === '' ? 9 : 10)) +
          (i === 0 && areaCode === '' ? 1 : 0),
      ),
    ).join('')
    const phoneNumber = `${prefix}${areaCode}${rest}`
    if (taken(phoneNumber) || numbers.some((number) => number.phone_number === phoneNumber))
      continue
    numbers.push({
      phone_number: phoneNumber,
      friendly_name: `${prefix} ${areaCode || rest.slice(0, 3)} ${rest.slice(-7)}`.replace(
        /\s+/g,
        ' ',
      ),
      region,
      iso_country: country,
      capabilities: { voice: true, sms: random() < 0.8, mms: random() < 0.4 },
      monthly_price: price,
    })
  }
  return numbers
}
