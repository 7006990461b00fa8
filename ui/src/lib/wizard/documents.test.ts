// What a documents step reads off the case, without a page.
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../bindings/CaseView';
import { PHOTO_CHECK, missingError, summary, wizardView } from '../../test/fixtures';
import type { TestFlow } from '../../test/engine';
import { defaultOffered, isAccepted, isDone, isStored, storedCheck } from './documents';

const FILLED = { 'applicant.name': '王小明', 'applicant.id_number': '11010519491231002X', 'applicant.gender': 'female' };
const caseOf = (flow: TestFlow, photo: boolean) => wizardView(flow, summary({ id: 'c1' }), FILLED, photo);
const withChecks = (checks: unknown): CaseView => {
  const view = caseOf('ui-small', true);
  return { ...view, documents: [{ ...view.documents[0]!, checks: checks as CaseView['documents'][0]['checks'] }] };
};

describe('a document on the case', () => {
  it('is done once stored with nothing the agency would refuse', () => {
    const missing = caseOf('ui-small', false);
    expect([isStored(missing, 'card_photo'), isDone(missing, 'card_photo')]).toEqual([false, false]);
    const stored = caseOf('ui-small', true);
    expect([isStored(stored, 'card_photo'), isDone(stored, 'card_photo')]).toEqual([true, true]);
    const refused = { ...stored, evaluation: { ...stored.evaluation, errors: [missingError('documents.card_photo', '制卡照片', 'Card photo')] } };
    expect(isDone(refused, 'card_photo')).toBe(false);
  });

  it('has its stored check when it is shaped like one, and says whether it was used anyway', () => {
    expect(storedCheck(withChecks(PHOTO_CHECK), 'card_photo')).toEqual(PHOTO_CHECK);
    expect(storedCheck(withChecks({ message: 'older' }), 'card_photo')).toBeNull();
    expect(storedCheck(withChecks(null), 'card_photo')).toBeNull();
    expect(isAccepted(withChecks({ ...PHOTO_CHECK, accepted: true }), 'card_photo')).toBe(true);
    expect(isAccepted(withChecks(PHOTO_CHECK), 'card_photo')).toBe(false);
  });

  it('offers its default picture while a question standing for it is asked', () => {
    const cartoon = caseOf('ui-cartoon', false);
    const hidden: CaseView = {
      ...cartoon,
      evaluation: { ...cartoon.evaluation, fields: cartoon.evaluation.fields.map((f) => (f.default_document ? { ...f, status: 'hidden' as const } : f)) },
    };
    expect(defaultOffered(caseOf('ui-small', false), 'card_photo')).toBe(false);
    expect(defaultOffered(cartoon, 'card_photo')).toBe(true);
    expect(defaultOffered(hidden, 'card_photo')).toBe(false);
  });
});
