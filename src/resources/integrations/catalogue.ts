/**
 * The integration types the fake knows and each one's config fields, kept as data
 * (`catalogue.json`): the three documented types, with the documented field config, then the web
 * app's library, then `twilio`. Imports nothing but its data: the journal reads the secret field
 * names from here.
 */
import catalogue from './catalogue.json' with { type: 'json' }
import { SECRET_MASK, SECRET_PREFIX } from './defaults.js'

/** One config field as a type's `schema` describes it (`ConfigFieldSchema`). */
export interface ConfigField {
  readonly type: string
  readonly label?: string
  readonly description?: string
  readonly placeholder?: string
}

/** The `schema` of an integration: its type's required and optional fields (`ConfigSchemaSchema`). */
export interface ConfigSchema {
  readonly required: readonly string[]
  readonly optional: readonly string[]
  readonly fields: Readonly<Record<string, ConfigField>>
}

/** One integration type: its name, its fields, which of them are secrets, how it connects. */
export interface CatalogueEntry {
  readonly type: string
  /** `oauth` for the types the web app connects through OAuth; absent for the others. */
  readonly auth_type?: string
  /** The fields whose values are masked on every read and in the journal. */
  readonly secrets: readonly string[]
  readonly schema: ConfigSchema
}

const ENTRIES: readonly CatalogueEntry[] = catalogue.types

/**
 * Every integration type's name, in catalogue order, spelled out so that the wire type names each
 * (`catalogue.test.ts` checks they are the catalogue's).
 */
export const INTEGRATION_TYPES = [
  'elevenlabs',
  'openai',
  'anthropic',
  'hubspot',
  'salesforce',
  'pipedrive',
  'kommo',
  'gohighlevel',
  'google_calendar',
  'outlook_calendar',
  'calendly',
  'calcom',
  'twilio',
] as const

const BY_TYPE: ReadonlyMap<string, CatalogueEntry> = new Map(
  ENTRIES.map((entry) => [entry.type, entry]),
)

/** A type's entry, or `undefined` for a type the catalogue does not hold. */
export function entryOf(type: string): CatalogueEntry | undefined {
  return BY_TYPE.get(type)
}

/** Every type's entry, in catalogue order. */
export function catalogueEntries(): readonly CatalogueEntry[] {
  return ENTRIES
}

/** A type's fields in the order they are shown and stored: `fields`' own order. */
export function fieldsOf(type: string): readonly string[] {
  return Object.keys(entryOf(type)?.schema.fields ?? {})
}

/** Every field name some type marks secret: the journal masks these in request bodies. */
export const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set(
  ENTRIES.flatMap((entry) => entry.secrets),
)

/**
 * A secret as every read shows it: its leading `letters_` prefix, if any, then `***`, as the
 * documented `sk_***`; nothing else of it.
 * @example maskSecret('sk_your_elevenlabs_key') // 'sk_***'
 * @example maskSecret('ya29.a0Af') // '***'
 */
export function maskSecret(secret: string | number): string {
  const prefix = typeof secret === 'string' ? (SECRET_PREFIX.exec(secret)?.[0] ?? '') : ''
  return prefix + SECRET_MASK
}
