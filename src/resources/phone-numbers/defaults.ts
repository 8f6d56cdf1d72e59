/** Phone numbers where neither the docs nor the web app say: each is a row of docs/fidelity.md. */

/** Prefix of the `elevenlabs_phone_number_id` of created numbers (documented: `phone_xyz`). */
export const ELEVENLABS_PHONE_NUMBER_ID_PREFIX = 'phone_'

/** How many numbers a user's Twilio account holds that are not in the app yet (`/phone_numbers/account`). */
export const ACCOUNT_NUMBERS_PER_USER = 3

/** How many numbers `/phone_numbers/available` offers per country and area code. */
export const AVAILABLE_NUMBERS = 10

/** What each country's numbers look like, and cost a month (a string, as the app shows `$<it>/mo`). */
export const COUNTRIES = {
  US: { prefix: '+1', digits: 10, region: 'CA', price: '1.15' },
  CA: { prefix: '+1', digits: 10, region: 'ON', price: '1.15' },
  GB: { prefix: '+44', digits: 10, region: 'London', price: '1.00' },
  AU: { prefix: '+61', digits: 9, region: 'NSW', price: '3.00' },
} as const

/** The label of a number loaded from a snapshot written before numbers had one (0.2.0). */
export const DEFAULT_LEGACY_LABEL = 'Phone number'
