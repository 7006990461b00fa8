import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { byId, expectNoAxeViolations, mockBackend } from '../../test/helpers';
import { MESSAGES } from '../i18n';
import AgencyPhoto from './AgencyPhoto.svelte';

describe('【获取图片】 (seed 004 §1.3.4)', () => {
  it('asks the agency about the receipt number, then shows its photo once it has one', async () => {
    const backend = mockBackend({});
    const onAsk = vi.fn(async () => {});
    const view = render(AgencyPhoto, { lang: 'zh', caseId: 'c1', found: false, canAsk: true, onAsk });
    expect(byId('get-photo').textContent?.trim()).toBe(MESSAGES.zh.getPhoto);
    expect(document.querySelector('#agency-photo')).toBeNull();
    await fireEvent.click(byId('get-photo'));
    expect(onAsk).toHaveBeenCalledOnce();
    await view.rerender({ found: true });
    await waitFor(() => byId('agency-photo'));
    expect(byId('agency-photo').getAttribute('alt')).toBe(MESSAGES.zh.agencyPhotoAlt);
    expect(backend.argsOf('case_agency_photo')).toEqual([{ id: 'c1' }]);
    await expectNoAxeViolations(view.container);
    // Refused (another number typed, unknown): the photo goes.
    await view.rerender({ found: false });
    await waitFor(() => expect(document.querySelector('#agency-photo')).toBeNull());
  });

  it('cannot ask without a number', () => {
    mockBackend({});
    render(AgencyPhoto, { lang: 'en', caseId: 'c1', found: false, canAsk: false, onAsk: async () => {} });
    expect(byId<HTMLButtonElement>('get-photo').disabled).toBe(true);
  });
});
