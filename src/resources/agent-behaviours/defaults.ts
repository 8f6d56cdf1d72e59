/** Agent behaviours where the docs are silent (no page): each is a row of docs/fidelity.md. */

/**
 * When the platform's catalogues (behaviours, templates, pricing) were made: before the
 * documented user's account (`2024-01-10`), so every record a user has is newer.
 */
export const CATALOGUE_CREATED_AT = '2024-01-01T00:00:00Z'

/** The behaviour the create wizard looks up by name, and gives new assistants. */
export const DEFAULT_BEHAVIOUR_NAME = 'Default'
