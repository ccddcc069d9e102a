/**
 * Privacy layer: find and replace personal data in Dutch text before it reaches a language model,
 * a log or storage. See bench/privacy/README.md for the span conventions and the measured quality.
 */
export {
  detectPersonalData,
  isValidBsn,
  isValidIban,
  ENTITY_TYPES,
  PLACEHOLDER_RE,
  type DetectOptions,
  type Entity,
  type EntityType,
} from './detect/index.ts';
export { anonymise, repersonalise, type AnonymiseResult } from './anonymise.ts';
