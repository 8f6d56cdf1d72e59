/**
 * The project's own faker locale: the few words the factories draw (names, email and web
 * domains, company and product words), written for this project, in faker's locale shape. It sits
 * on faker's `base` locale (`createFaker`), not on `en`: `en` is one object of about 150 KiB
 * gzipped that browser bundles and every start-up would load for a few dozen words.
 * @note A faker method whose data is neither here nor in `base` throws; locale.test.ts calls every
 * method the factories call, over many seeds.
 */
import type { LocaleDefinition } from '@faker-js/faker'
import business from './business.json' with { type: 'json' }
import internet from './internet.json' with { type: 'json' }
import people from './people.json' with { type: 'json' }
import words from './words.json' with { type: 'json' }

export const VOICEABLE_LOCALE = {
  metadata: { title: 'voiceable-mock', code: 'en_voiceable', language: 'en', script: 'Latn' },
  person: {
    first_name: {
      female: people.female,
      male: people.male,
      generic: [...people.female, ...people.male],
    },
    last_name: { generic: people.last },
    name: [{ weight: 1, value: '{{person.firstName}} {{person.lastName}}' }],
  },
  internet,
  word: words,
  company: {
    legal_entity_type: business.company_suffix,
    name_pattern: [
      '{{person.lastName}} {{company.legal_entity_type}}',
      '{{person.lastName}} {{commerce.department}} {{company.legal_entity_type}}',
    ],
  },
  commerce: {
    department: business.department,
    product_name: {
      adjective: business.product_adjective,
      material: [],
      product: business.product_noun,
      pattern: ['{{commerce.product_name.adjective}} {{commerce.product_name.product}}'],
    },
  },
} satisfies LocaleDefinition
