/** The features plugged into the conversation core; add a feature here and nowhere else. */
import type { Feature } from './assistant/context.ts';
import { casesFeature } from './cases/feature.ts';
import { onboardingFeature } from './onboarding/feature.ts';
import { twintigOgenFeature } from './consultations/twintig-ogen/feature.ts';
import { vierOgenFeature } from './consultations/vier-ogen/feature.ts';
import { intervisieFeature } from './intervision/feature.ts';
import { handoffFeature } from './handoff/feature.ts';
import { channelLinkFeature } from './channel-links/feature.ts';

export const FEATURES: readonly Feature[] = [onboardingFeature, twintigOgenFeature, vierOgenFeature, intervisieFeature, handoffFeature, channelLinkFeature, casesFeature];

/** The jobs every feature runs (reminders, agendas, time-outs, nudges). */
export const FEATURE_JOBS = FEATURES.flatMap((f) => f.jobs ?? []);
