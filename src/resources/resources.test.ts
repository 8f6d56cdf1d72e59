import { expect, it } from 'vitest'
import { ENDPOINT_NAMES, RESOURCES, SEED_ORDER } from './index.js'
import { defineResource } from './resource.js'

it('gives every resource streams of its own', () => {
  const streams = RESOURCES.flatMap((resource) =>
    resource.stream === undefined ? [] : [resource.stream],
  )
  expect(new Set(streams).size).toBe(streams.length)
  // The main stream (`seed` itself) and `seed + 1` (the JWT secret) are not numbered streams.
  for (const stream of streams) expect(stream).toBeGreaterThan(1)
})

it('names every endpoint once, across resources', () => {
  expect(new Set(ENDPOINT_NAMES).size).toBe(ENDPOINT_NAMES.length)
})

it('names every collection and state field of the snapshot once', () => {
  const fields = RESOURCES.flatMap((resource) => [
    ...resource.collections.flatMap((collection) => [collection.key, collection.singular]),
    ...(resource.state ?? []).map((field) => field.key),
  ])
  expect(new Set(fields).size).toBe(fields.length)
})

it('seeds the owners first, then every other resource in list order', () => {
  expect(SEED_ORDER.map((resource) => resource.name)).toEqual([
    'accounts',
    ...RESOURCES.map((resource) => resource.name).filter((name) => name !== 'accounts'),
  ])
})

it('checks what resource.json names against the code', () => {
  const parts = {
    data: {
      name: 'notes',
      tag: { name: 'Notes', description: '' },
      successMessages: {},
      errorMessages: {},
      errors: {},
      endpoints: [
        {
          name: 'listNotes',
          method: 'GET',
          path: '/notes',
          access: 'read',
          response: { status: 200, schema: 'ListNotesResponseSchema', message: 'read' },
          doc: { summary: '', description: '', success: '', provenance: '' },
        },
      ],
    },
    schemas: {},
    collections: [],
    resolvers: { listNotes: () => ({}) },
    seed() {},
    store: () => ({}),
    storeCalls: {},
  }
  expect(() => defineResource(parts)).toThrow(
    'Failed to define a resource: notes.listNotes: no schema ListNotesResponseSchema',
  )
  const withSchema = { ...parts, schemas: { ListNotesResponseSchema: {} } }
  expect(() => defineResource({ ...withSchema, resolvers: {} })).toThrow(
    'notes.listNotes: no resolver',
  )
  expect(() =>
    defineResource({ ...withSchema, resolvers: { ...parts.resolvers, listNote: () => ({}) } }),
  ).toThrow('notes: resolver listNote has no endpoint')
})
