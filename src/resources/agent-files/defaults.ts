/** Knowledge-base files where the docs are silent (they have none): each a row of docs/fidelity.md. */

/** The prefix of an upload's key, and of a synced file's ElevenLabs document id (`doc_…`, as the notes saw). */
export const UPLOAD_KEY_PREFIX = 'kb_'
export const DOCUMENT_ID_PREFIX = 'doc_'

/**
 * The path of the upload URL the fake mints on itself, below the API's base URL, and of the
 * `public_url` it names (which no screen fetches, so the fake serves nothing there).
 */
export const UPLOAD_PATH = '/aws_s3/uploads'
export const OBJECT_PATH = '/aws_s3/objects'

/** The seeded files: one attached to the user's first agent, one unattached (as the notes suggest). */
export const SEEDED_FILES = [
  { file_name: 'Product FAQ.pdf', content_type: 'application/pdf', attached: true },
  { file_name: 'Opening hours.txt', content_type: 'text/plain', attached: false },
] as const
