import { toTimestamp } from '../../internal/time.js'
import type { Faker } from '../../store/random.js'
import { ownership, type Owner } from '../accounts/factory.js'
import generated from './generated.json' with { type: 'json' }
import type { IntegrationConfig, IntegrationRecord, IntegrationType } from './schemas.js'

/** How each generated field looks: a prefix, then random letters and digits (`generated.json`). */
const GENERATED: Readonly<
  Record<string, Readonly<Record<string, { prefix: string; length: number }>>>
> = generated

/** The types generated data connects, and how their credentials look. */
export const GENERATED_TYPES = Object.keys(GENERATED) as readonly IntegrationType[]

/**
 * A generated integration of `type` for `owner`, created at `createdAt`, with plausible
 * credentials; updated later about one time in three.
 */
export function createIntegrationData(
  faker: Faker,
  owner: Owner,
  init: { id: number; type: IntegrationType; createdAt: Date },
): IntegrationRecord {
  const config: IntegrationConfig = {}
  for (const [field, { prefix, length }] of Object.entries(GENERATED[init.type] ?? {}))
    config[field] = prefix + faker.string.alphanumeric(length)
  const refDate = faker.defaultRefDate()
  const updated =
    faker.datatype.boolean({ probability: 1 / 3 }) && init.createdAt < refDate
      ? faker.date.between({ from: init.createdAt, to: refDate })
      : init.createdAt
  return {
    id: init.id,
    integration_type: init.type,
    config,
    ...ownership(owner, toTimestamp(init.createdAt)),
    updated_at: toTimestamp(updated),
  }
}
