import { DOCUMENTED_USER } from '../accounts/documented.js'
import type { PhoneNumberRecord } from './schemas.js'

/**
 * Phone number 1 as the List Agents example shows it on agent `"123"` (`+1234567890`,
 * `elevenlabs`, `phone_xyz`). @note Its label and times are not documented: the label is ours,
 * the times the agent's.
 */
export const DOCUMENTED_PHONE_NUMBER: Readonly<PhoneNumberRecord> = Object.freeze({
  id: 1,
  phone_number: '+1234567890',
  label: 'Support line',
  provider: 'elevenlabs',
  elevenlabs_phone_number_id: 'phone_xyz',
  agent_id: 123,
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-10T08:00:00Z',
  user_id: DOCUMENTED_USER.id,
})

/**
 * User 1's Twilio number on agent `"123"`: the web app creates a campaign only from an agent with
 * a `twilio` number (NewCampaign), and the documented number is ElevenLabs'. @note Ours, not
 * documented: ten digits after the `+`, like the documented number, so that no generated number
 * (`+1` and ten digits) can be it; added after every generated number, so no other id moves.
 */
export const DOCUMENTED_USER_TWILIO_NUMBER: Readonly<Omit<PhoneNumberRecord, 'id'>> = Object.freeze(
  {
    phone_number: '+1234567891',
    label: 'Outbound caller ID',
    provider: 'twilio',
    elevenlabs_phone_number_id: 'phone_twilio1',
    agent_id: 123,
    created_at: '2024-01-10T08:00:00Z',
    updated_at: '2024-01-10T08:00:00Z',
    user_id: DOCUMENTED_USER.id,
  },
)
