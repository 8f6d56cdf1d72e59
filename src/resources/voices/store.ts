/** The voices part of the store: the catalogue, the same for every user. */
import { VOICES } from './catalogue.js'
import type { ListVoicesQuery, Voice } from './schemas.js'

/** Voices, as `mock.store` offers them. */
export interface VoicesStore {
  /** The catalogue's voices matching `query` (every voice without one), in catalogue order. */
  listVoices(query?: ListVoicesQuery): Voice[]
  /** One catalogue voice by its ElevenLabs id, compared exactly. */
  getVoice(id: string): Voice | undefined
}

const matches = (value: string, wanted: string | undefined): boolean =>
  wanted === undefined || value.toLowerCase() === wanted.toLowerCase()

/** The voices' store methods: a read-only catalogue, so no collection and no context. */
export function createVoicesStore(): VoicesStore {
  return {
    listVoices(query = {}) {
      const search = query.search?.toLowerCase()
      return VOICES.filter(
        (voice) =>
          (search === undefined ||
            voice.name.toLowerCase().includes(search) ||
            voice.description.toLowerCase().includes(search)) &&
          matches(voice.labels.gender, query.gender) &&
          matches(voice.labels.accent, query.accent) &&
          matches(voice.category, query.category),
      ).map((voice) => structuredClone(voice))
    },
    getVoice(id) {
      const voice = VOICES.find((candidate) => candidate.id === id)
      return voice === undefined ? undefined : structuredClone(voice)
    },
  }
}
