import { describe, expect, it } from 'vitest'
import { createApiKeyGenerator } from './bulk-keys.js'
import { DEFAULT_REF_DATE } from '../../defaults.js'
import { createFaker } from '../../store/random.js'
import { KEY_PURPOSES } from './factory.js'
import { ApiKeySchema } from './schemas.js'

const OWNER = { id: 7, email: 'owner@example.com' }
const CreatedApiKey = ApiKeySchema.extend({
  key_value: ApiKeySchema.shape.key_value.unwrap().min(1),
})

function generate(seed: number, count: number) {
  const next = createApiKeyGenerator(createFaker(seed, DEFAULT_REF_DATE), OWNER)
  return Array.from({ length: count }, (_, i) => next(i + 1))
}

describe('createApiKeyGenerator', () => {
  it('makes keys in the wire format, secrets included, owned by the owner', () => {
    for (const key of generate(1, 500)) {
      expect(CreatedApiKey.parse(key)).toEqual(key)
      expect(key.key_value).toMatch(
        key.key_type === 'private' ? /^sk_live_[A-Za-z0-9]{24}$/ : /^pk_live_[A-Za-z0-9]{24}$/,
      )
      expect(KEY_PURPOSES.map((purpose) => `${purpose} API Key`)).toContain(key.name)
      expect({ user_id: key.user_id, user_email: key.user_email }).toEqual({
        user_id: OWNER.id,
        user_email: OWNER.email,
      })
      if (key.key_type === 'public') expect(key.transient_assistant).toBe(false)
    }
  })

  it('dates keys within 30 days before the reference date, never updated before created', () => {
    const ref = new Date(DEFAULT_REF_DATE).getTime()
    const keys = generate(2, 2000)
    for (const key of keys) {
      const created = new Date(key.created_at).getTime()
      expect(created).toBeGreaterThan(ref - 30 * 24 * 3600 * 1000)
      expect(created).toBeLessThanOrEqual(ref)
      expect(key.updated_at >= key.created_at).toBe(true)
      expect(new Date(key.updated_at).getTime()).toBeLessThanOrEqual(ref)
    }
    expect(keys.some((key) => key.updated_at > key.created_at)).toBe(true)
  })

  it('draws both key types, origins and assistants', () => {
    const keys = generate(3, 1000)
    expect(new Set(keys.map((key) => key.key_type))).toEqual(new Set(['private', 'public']))
    expect(new Set(keys.map((key) => key.allowed_origins.length))).toEqual(new Set([0, 1, 2]))
    expect(new Set(keys.map((key) => key.allowed_assistants.length))).toEqual(new Set([0, 1, 2, 3]))
  })

  it('gives the same keys for the same seed and different keys for another', () => {
    expect(generate(4, 50)).toEqual(generate(4, 50))
    expect(generate(5, 50)).not.toEqual(generate(4, 50))
  })

  it('gives every key its own secret', () => {
    const keys = generate(6, 20_000)
    expect(new Set(keys.map((key) => key.key_value)).size).toBe(keys.length)
  })

  it('never shares mutable lists between keys', () => {
    const [a, b] = generate(7, 2)
    expect(a?.allowed_origins).not.toBe(b?.allowed_origins)
    expect(a?.allowed_assistants).not.toBe(b?.allowed_assistants)
  })
})
