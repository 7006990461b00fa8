// The start screen offers the flows as situations, in plain words, grouped by place: which flow
// each one starts and its icon. What they say is in i18n (`situations`, `placeNames`).
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

/** The places, in the order shown; `other` holds flows the engine ships that no situation describes. */
export type SituationPlace = 'beijing' | 'guangdong' | 'other';

export const SITUATIONS: readonly { place: SituationPlace; flows: readonly { flow: SituationFlow; icon: IconName }[] }[] = [
  {
    place: 'beijing',
    flows: [
      { flow: 'bj-individual', icon: 'person' },
      { flow: 'bj-minor', icon: 'child' },
      { flow: 'bj-retiree', icon: 'elder' },
      { flow: 'bj-employer-open', icon: 'building' },
      { flow: 'bj-employer-submit', icon: 'list' },
      { flow: 'bj-employee-confirm', icon: 'person-check' },
    ],
  },
  {
    place: 'guangdong',
    flows: [
      { flow: 'gd-individual', icon: 'person' },
      { flow: 'gd-minor', icon: 'child' },
      { flow: 'gd-card-cleanup', icon: 'cards' },
    ],
  },
];
