import { expect, it } from 'vitest'
import * as z from 'zod'
import { Collection, defineCollection, sortById, toCount } from './collection.js'

const NoteSchema = z.object({ id: z.number(), user_id: z.number(), text: z.string() })
type Note = z.infer<typeof NoteSchema>
const NOTES = defineCollection('notes', 'note', NoteSchema, {
  label: 'note',
  owner: 'user_id',
  unique: 'text',
  copy: (note: Note) => ({ ...note }),
})

function notes(): Collection<Note, number> {
  const collection = new Collection(NOTES)
  collection.load(
    [
      { id: 3, user_id: 2, text: 'c' },
      { id: 1, user_id: 1, text: 'a' },
      { id: 2, user_id: 1, text: 'b' },
    ],
    4,
  )
  return collection
}

it('keeps records in id order, scoped to their owner', () => {
  const collection = notes()
  expect([...collection.ownedBy(1)].map((note) => note.id)).toEqual([1, 2])
  expect([...collection.values()].map((note) => note.id)).toEqual([1, 2, 3])
  expect(collection.owned(1, 3)).toBeUndefined()
  expect(collection.owned(2, 3)?.text).toBe('c')
  expect(collection.countOwnedBy(1)).toBe(2)
})

it('takes ids from its counter, never reusing one after a delete', () => {
  const collection = notes()
  expect(collection.takeId()).toBe(4)
  collection.delete(2)
  expect(collection.takeId()).toBe(5)
  expect(collection.size).toBe(2)
})

it('finds a record by its unique value, and forgets the value once it changes or goes', () => {
  const collection = notes()
  expect(collection.findUnique('b')?.id).toBe(2)
  collection.put({ id: 2, user_id: 1, text: 'bee' })
  expect(collection.findUnique('b')).toBeUndefined()
  expect(collection.findUnique('bee')?.id).toBe(2)
  collection.delete(2)
  expect(collection.findUnique('bee')).toBeUndefined()
  expect([...collection.ownedBy(1)].map((note) => note.id)).toEqual([1])
})

it('hands out copies: changing one changes nothing stored', () => {
  const collection = notes()
  const inserted = collection.insert({ id: collection.takeId(), user_id: 1, text: 'd' })
  inserted.text = 'changed'
  const dumped = collection.dump()
  dumped[0]!.text = 'changed'
  expect(collection.get(4)?.text).toBe('d')
  expect(collection.get(1)?.text).toBe('a')
})

it('counts numeric text ids, and sorts drawn text ids after them', () => {
  expect(toCount(7)).toBe(7)
  expect(toCount('123')).toBe(123)
  expect(toCount('0123')).toBeUndefined()
  expect(toCount('conv_abc')).toBeUndefined()
  expect(
    sortById([{ id: 'conv_b' }, { id: '10' }, { id: 'conv_a' }, { id: '9' }], (r) => r.id),
  ).toEqual([{ id: '9' }, { id: '10' }, { id: 'conv_a' }, { id: 'conv_b' }])
})
