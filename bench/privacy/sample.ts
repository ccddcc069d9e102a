import type { EntityType } from '../../src/privacy/detect/index.ts';

/** One annotated span: the detector should find `type` at [start, end). */
export interface Annotation {
  type: EntityType;
  start: number;
  end: number;
}

/** A sentence of the privacy benchmark with its expected spans. */
export interface Sample {
  text: string;
  entities: Annotation[];
  /** The heading of the hand-written group the sentence belongs to. */
  section?: string;
}
