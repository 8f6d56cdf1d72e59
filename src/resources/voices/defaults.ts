/** Voices where the docs are silent (they have no voices page): each is a row of docs/fidelity.md. */

/**
 * The seeded stream voices draw from: which catalogue voice each generated agent speaks with.
 * The catalogue itself is data, the same in every scenario.
 */
export const VOICES_STREAM = 8

/** Every catalogue voice is one of ElevenLabs' premade voices (the app's voice dialog groups by it). */
export const VOICE_CATEGORY = 'premade'

/** A voice's preview: a short tone, played by the app with `new Audio(url)` and no credentials. */
export const PREVIEW_TONE = { sampleRate: 8000, seconds: 0.25, hertz: 440 } as const
