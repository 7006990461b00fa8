// The start screen offers the flows as situations, in plain words, grouped by jurisdiction: which
// flow each one starts and its icon. What they say is in i18n (`situations`, `placeNames`).
import type { Jurisdiction } from '../bindings/Jurisdiction';
import type { IconName } from './Icon.svelte';

export type SituationFlow =
  | 'bj-individual'
  | 'bj-minor'
  | 'bj-retiree'
  | 'bj-employer-open'
  | 'bj-employer-submit'
  | 'bj-employee-confirm'
  | 'gd-individual'
  | 'gd-minor'
  | 'gd-card-cleanup';

/** The start screen's groups: each jurisdiction's flows (as Rust says of each flow), and `other`
 *  for the flows the engine ships that no situation describes. */
export type SituationPlace = Jurisdiction | 'other';

/** The situations in the order shown; each goes under its flow's jurisdiction, the groups in the
 *  order their first situation comes. */
export const SITUATIONS: readonly { flow: SituationFlow; icon: IconName }[] = [
  { flow: 'bj-individual', icon: 'person' },
  { flow: 'bj-minor', icon: 'child' },
  { flow: 'bj-retiree', icon: 'elder' },
  { flow: 'bj-employer-open', icon: 'building' },
  { flow: 'bj-employer-submit', icon: 'list' },
  { flow: 'bj-employee-confirm', icon: 'person-check' },
  { flow: 'gd-individual', icon: 'person' },
  { flow: 'gd-minor', icon: 'child' },
  { flow: 'gd-card-cleanup', icon: 'cards' },
];
