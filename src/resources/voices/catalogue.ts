/**
 * The voices every user can pick from: ElevenLabs premade voices, kept as data (`catalogue.json`).
 * They are the platform's, not a user's, so they are the same for everyone and in every scenario.
 */
import catalogue from './catalogue.json' with { type: 'json' }
import { VOICE_CATEGORY } from './defaults.js'
import { PREVIEW_URL } from './preview.js'
import { VoiceSchema, type Voice } from './schemas.js'

/** Every voice, in catalogue order, as the wire shows it. */
export const VOICES: readonly Voice[] = catalogue.voices.map((voice) =>
  VoiceSchema.parse({
    id: voice.id,
    name: voice.name,
    category: VOICE_CATEGORY,
    description: voice.description,
    preview_url: PREVIEW_URL,
    labels: voice.labels,
  }),
)

/** The ids of the catalogue's voices, which generated agents speak with. */
export const VOICE_IDS: readonly string[] = VOICES.map((voice) => voice.id)
