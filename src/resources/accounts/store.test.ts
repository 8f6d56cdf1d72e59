import { expect, it } from 'vitest'
import { createStore } from '../../store/store.js'

it('lists a user with the secret of their first private key', () => {
  const store = createStore({ scenario: 'empty' })
  expect(store.listUsers()).toEqual([
    { id: 1, email: 'user@example.com', password: 'password', apiKey: null },
  ])
  const created = store.createUser({ email: 'ada@example.com' })
  expect(store.listUsers()[1]).toEqual({
    id: created.id,
    email: 'ada@example.com',
    password: 'password',
    apiKey: created.apiKey,
  })
  expect(store.authenticateKeyValue(created.apiKey)?.user).toMatchObject({
    id: created.id,
    email: 'ada@example.com',
  })
})

it('finds users by email as Devise does, and checks passwords exactly', () => {
  const store = createStore()
  expect(store.findUserByEmail('  USER@example.COM ')?.id).toBe(1)
  expect(store.authenticatePassword('user@example.com', 'password')?.id).toBe(1)
  expect(store.authenticatePassword('user@example.com', 'Password')).toBeUndefined()
  expect(store.authenticatePassword('nobody@example.com', 'password')).toBeUndefined()
  // Never a password in a user the store hands out.
  expect(store.getUser(1)).not.toHaveProperty('password')
  expect(store.authenticateKeyValue('your-api-key-here')?.user).not.toHaveProperty('password')
})

it('signs a user up with role user, membership free, a normalized email and no API key', () => {
  const store = createStore({ now: () => new Date('2024-03-01T12:00:00Z') })
  const user = store.signUp({ email: ' Ada@Example.com ', password: 'secret1' })
  expect(user).toEqual({
    id: 6,
    email: 'ada@example.com',
    role: 'user',
    membership_status: 'free',
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
  })
  expect(store.listApiKeys(user.id)).toEqual([])
  expect(store.authenticatePassword('ada@example.com', 'secret1')?.id).toBe(6)
})
