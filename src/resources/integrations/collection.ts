import { defineCollection } from '../../store/collection.js'
import { fieldsOf } from './catalogue.js'
import { IntegrationRecordSchema, type IntegrationRecord } from './schemas.js'

/** A copy of a stored integration, secrets included, in the documented field order. */
export function copyIntegration(record: IntegrationRecord): IntegrationRecord {
  return { ...record, config: { ...record.config } }
}

/** A stored integration: its config holds its type's fields only (a snapshot is checked for it). */
const StoredIntegrationSchema = IntegrationRecordSchema.superRefine((record, ctx) => {
  const fields = fieldsOf(record.integration_type)
  for (const key of Object.keys(record.config))
    if (!fields.includes(key))
      ctx.addIssue({
        code: 'custom',
        path: ['config', key],
        message: `is not a field of ${record.integration_type}`,
      })
})

/**
 * Integrations, secrets in clear: a restored store still holds the credentials. @note One per type
 * and user: the store refuses a second; the generic collection knows one unique field only.
 */
export const INTEGRATIONS = defineCollection(
  'integrations',
  'integration',
  StoredIntegrationSchema,
  {
    label: 'integration',
    owner: 'user_id',
    copy: copyIntegration,
  },
)

export const COLLECTIONS = [INTEGRATIONS] as const
