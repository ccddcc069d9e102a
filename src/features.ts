/** The features plugged into the conversation core; add a feature here and nowhere else. */
import type { Feature } from './assistant/feature.ts';

export const FEATURES: Feature[] = [];
