/** The code behind the integration endpoints (reference §4.2; `resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { ApiError, failWith } from '../../pipeline/envelope.js'
import { ownerOf } from '../../pipeline/fields.js'
import { PERMIT, permitFields } from '../../pipeline/strong-params.js'
import type { Resolver } from '../resource.js'
import { catalogueEntries } from './catalogue.js'
import data from './resource.json' with { type: 'json' }
import { configProblems, createProblems, mergeConfig, permitConfig } from './rules.js'
import type { IntegrationType, IntegrationTypeInfo } from './schemas.js'
import type { IntegrationsStore } from './store.js'

type Context = EndpointContext<IntegrationsStore>

/** `params.require(:integration).permit(:integration_type, config: {})` on create. */
const CREATE_PERMIT = { integration_type: PERMIT.string, config: PERMIT.hash } as const
/** On update only `config` is permitted: the type is the integration's key, never changed. */
const UPDATE_PERMIT = { config: PERMIT.hash } as const

// @note Another user's integration of the same type answers exactly like none, as for API keys.
const notFound = failWith(
  'integration_not_found',
  data.errors.integration_not_found,
  data.errorMessages.integrationNotFound,
)

/** The `{integrationType}` of the path, as it is; an empty one names no integration. */
const typeOf = (context: Context): string =>
  (context.param('integrationType') as string | undefined) ?? notFound()

/** Answers a 422 listing every problem, as `errors.full_messages` would. */
function validate(problems: readonly string[]): void {
  if (problems.length > 0) throw new ApiError('validation_failed', problems)
}

/** Every type of the catalogue, as the web app's settings read it: fields, then `auth_type`. */
const TYPE_INFOS: readonly IntegrationTypeInfo[] = catalogueEntries().map((entry) => ({
  type: entry.type,
  ...structuredClone(entry.schema),
  ...(entry.auth_type === undefined ? {} : { auth_type: entry.auth_type }),
})) as IntegrationTypeInfo[]

export const resolvers = {
  listIntegrations: (context: Context) => ({
    data: context.store.listIntegrations(ownerOf(context)),
  }),
  listIntegrationSchemas: () => ({ data: structuredClone(TYPE_INFOS) }),
  createIntegration(context: Context) {
    const owner = ownerOf(context)
    const fields = permitFields(CREATE_PERMIT, context.fields('integration'))
    const type = typeof fields['integration_type'] === 'string' ? fields['integration_type'] : ''
    const sent = fields['config'] as Record<string, unknown> | undefined
    const config = sent === undefined ? undefined : permitConfig(type, sent)
    const taken = context.store.getIntegration(owner, type) !== undefined
    validate(
      createProblems(fields['integration_type'], config && mergeConfig(type, {}, config), taken),
    )
    return {
      data: context.store.createIntegration(owner, {
        integration_type: type as IntegrationType,
        config: config as Record<string, string | number | null>,
      }),
    }
  },
  getIntegration: (context: Context) => ({
    data: context.store.getIntegration(ownerOf(context), typeOf(context)) ?? notFound(),
  }),
  updateIntegration(context: Context) {
    const [owner, type] = [ownerOf(context), typeOf(context)]
    // Looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
    const stored = context.store.getIntegration(owner, type, { revealSecrets: true }) ?? notFound()
    const fields = permitFields(UPDATE_PERMIT, context.fields('integration'))
    const sent = permitConfig(type, (fields['config'] ?? {}) as Record<string, unknown>)
    validate(configProblems(type, mergeConfig(type, stored.config, sent)))
    const config = sent as Record<string, string | number | null>
    return { data: context.store.updateIntegration(owner, type, { config }) ?? notFound() }
  },
  deleteIntegration: (context: Context) =>
    context.store.deleteIntegration(ownerOf(context), typeOf(context)) ? {} : notFound(),
} satisfies Record<string, Resolver<IntegrationsStore>>
