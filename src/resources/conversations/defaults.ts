/** Conversations where the docs are silent: each is a row of docs/fidelity.md. */

/** `GET /conversations` page size when none is asked for, and its documented range (docs). */
export const CONVERSATIONS_PAGE_SIZE = { default: 30, min: 1, max: 100 } as const

/** `status` of every conversation the fake holds: the documented example's (docs). */
export const CONVERSATION_STATUS = 'completed'

/** The integration whose key the conversation endpoints need: without it, 400 (docs, client). */
export const ELEVENLABS_INTEGRATION_TYPE = 'elevenlabs'

/** Prefix and length of the random part of generated ids (documented: `conv_abc123`). */
export const CONVERSATION_ID = { prefix: 'conv_', length: 24 } as const

/** Generated conversations per agent, in every scenario but `empty` (ours). */
export const CONVERSATIONS_PER_AGENT = { min: 2, max: 12 } as const

/** Share of generated calls that succeed (`call_successful: success`), the rest fail (ours). */
export const SUCCESS_RATE = 0.8

/** Generated call durations in seconds, by outcome (ours). */
export const CALL_DURATION = {
  success: { min: 45, max: 420 },
  failure: { min: 8, max: 150 },
} as const

/** Distinct callers (`user_id` of the list filter) one generator draws its calls from (ours). */
export const CALLERS_PER_GENERATOR = 24

/**
 * The documented agent's recent calls: how many, and over how many days before the store's clock.
 * The web app's Calls tab and `/overview` ask for the last 30 days of the real clock
 * (`ConversationsTab.tsx:74`, `Overview.tsx:102`), and every other seeded call is older than the
 * reference date (ours).
 */
export const RECENT_CALLS = { count: 6, days: 30 } as const

/**
 * Every conversation's recording: a second of tone at 8 kHz, 16-bit mono WAV (about 16 KB;
 * ours: the fake records no calls, and the web app's player needs bytes a browser decodes).
 */
export const AUDIO = { sampleRate: 8000, seconds: 1, contentType: 'audio/wav' } as const

/**
 * What a minute of call costs, in US dollars: the fake keeps no cost per call, so each is its
 * length at this rate, in a conversation's `cost` and the overview's figures (ours; an
 * ElevenLabs agent minute is about this).
 */
export const COST_PER_MINUTE_USD = 0.1

/**
 * A conversation's `date` as the web app displays it (it shows the text as sent and never formats
 * it): `YYYY-MM-DD HH:MM`, UTC (ours; the app's type says only `string`).
 */
export const CONVERSATION_DATE_FORMAT = 'YYYY-MM-DD HH:MM'
