import { toTimestamp } from '../../internal/time.js'
import type { Faker } from '../../store/random.js'
import type { Owner } from '../accounts/factory.js'
import { appConversationConfig, appPlatformSettings } from './app-config.js'
import { AGENT_MODELS, ELEVENLABS_AGENT_ID_PREFIX } from './defaults.js'
import type { AgentRecord } from './schemas.js'

/** What generated agents do, and are named after. */
export const AGENT_PURPOSES = [
  'Customer Support Agent',
  'Sales Assistant',
  'Appointment Scheduler',
  'Front Desk Receptionist',
  'Order Status Agent',
  'Billing Helpdesk',
  'Lead Qualifier',
  'Survey Caller',
  'Onboarding Guide',
  'After-hours Support',
]

const AGENT_TAGS = ['support', 'voice', 'sales', 'booking', 'billing', 'inbound', 'outbound', 'faq']

/** An `elevenlabs_agent_id` like the documented `agent_abc123`: the prefix and 20 characters. */
export function createElevenLabsAgentId(faker: Faker): string {
  return ELEVENLABS_AGENT_ID_PREFIX + faker.string.alphanumeric({ length: 20, casing: 'lower' })
}

/**
 * A generated agent for `owner`, speaking with `voiceId`, in the documented field order (no
 * `widget_config`: it appears once a client sets one); its configs in the web app's shape.
 * Unless given, `updated_at` is `created_at` or a time between it and the reference date, and a
 * published agent was published when last updated.
 */
export function createAgentData(
  faker: Faker,
  owner: Owner,
  overrides: Partial<AgentRecord> & Pick<AgentRecord, 'id' | 'created_at'>,
  voiceId: string,
): AgentRecord {
  const { id, created_at: createdAt, ...rest } = overrides
  const created = new Date(createdAt)
  const refDate = faker.defaultRefDate()
  const updated =
    faker.datatype.boolean() && created < refDate
      ? toTimestamp(faker.date.between({ from: created, to: refDate }))
      : createdAt
  const published = faker.datatype.boolean({ probability: 0.7 })
  // Every draw happens, in the order it always had, whatever `overrides` give: the rest of the
  // stream stays the same.
  const drawnName = faker.helpers.arrayElement(AGENT_PURPOSES)
  const name = rest.name ?? drawnName
  const tags = faker.helpers.arrayElements(AGENT_TAGS, { min: 1, max: 3 })
  const temperature = faker.number.float({ min: 0, max: 1, fractionDigits: 1 })
  const model = faker.helpers.arrayElement(AGENT_MODELS)
  // @note `id` first: the key order here is the wire's field order (documented order).
  return {
    id,
    name,
    tags,
    conversation_config: { temperature, ...appConversationConfig(name, model, voiceId) },
    platform_settings: appPlatformSettings(voiceId),
    published,
    published_at: published ? updated : null,
    elevenlabs_agent_id: createElevenLabsAgentId(faker),
    version: faker.number.int({ min: 1, max: 5 }),
    user_id: owner.id,
    user_email: owner.email,
    created_at: createdAt,
    updated_at: updated,
    ...rest,
  }
}
