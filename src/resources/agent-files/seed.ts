/**
 * The knowledge-base files of each scenario: for each user with an agent, one file attached to
 * their first agent (synced) and one unattached, drawn from the files' own stream.
 */
import { toTimestamp } from '../../internal/time.js'
import type { Seeder } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { AGENT_FILES } from './collection.js'
import { OBJECT_PATH, SEEDED_FILES } from './defaults.js'
import { AGENT_FILES_STREAM, createDocumentId, createUploadKey } from './store.js'

/** The base the seeded files' `s3_url` names: the demo server's documented default (ours). */
const SEEDED_BASE_URL = 'http://localhost:3000/api/v1'

/** Seeds every user's files. */
export function seedAgentFiles(seeder: Seeder): void {
  const faker = seeder.faker(AGENT_FILES_STREAM)
  const firstAgents = new Map<number, { id: string; created_at: string }>()
  for (const agent of seeder.records(AGENTS))
    if (!firstAgents.has(agent.user_id)) firstAgents.set(agent.user_id, agent)
  for (const [userId, agent] of [...firstAgents].sort(([a], [b]) => a - b))
    for (const file of SEEDED_FILES) {
      const key = createUploadKey(faker)
      const from = Date.parse(agent.created_at)
      const to = Math.max(from, faker.defaultRefDate().getTime())
      const createdAt = toTimestamp(faker.date.between({ from, to }))
      seeder.add(AGENT_FILES, {
        id: seeder.takeId(AGENT_FILES),
        file_name: file.file_name,
        s3_key: key,
        s3_url: `${SEEDED_BASE_URL}${OBJECT_PATH}/${key}`,
        elevenlabs_document_id: file.attached ? createDocumentId(faker) : null,
        file_size: faker.number.int({ min: 2_000, max: 900_000 }),
        content_type: file.content_type,
        agent_id: file.attached ? Number(agent.id) : null,
        created_at: createdAt,
        updated_at: createdAt,
        user_id: userId,
      })
    }
}
