import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { byId, expectNoAxeViolations, mockBackend } from '../../test/helpers';
import { MESSAGES } from '../i18n';
import AgencyPhoto from './AgencyPhoto.svelte';
import { app } from '../app.svelte';
import { localized } from '../../test/localized';

const RECEIPT = { caseId: 'c1', path: 'photo.receipt_number', source: 'receipt' as const };
const ON_FILE = { caseId: 'c1', path: 'photo.use_system_photo', source: 'on_file' as const, found: false, canAsk: false, onAsk: async () => {} };

describe('获取制卡相片 (seed 004 §1.3.4)', () => {
  it('【获取图片】 asks the agency about the receipt number, then shows its photo once it has one', async () => {
    const backend = mockBackend({});
    const onAsk = vi.fn(async () => {});
    app.lang = 'zh';
    const view = render(AgencyPhoto, { ...RECEIPT, found: false, canAsk: true, onAsk });
    expect(byId('get-photo').textContent?.trim()).toBe(MESSAGES.zh.wizard.getPhoto);
    expect(document.querySelector('#agency-photo')).toBeNull();
    await fireEvent.click(byId('get-photo'));
    expect(onAsk).toHaveBeenCalledOnce();
    await view.rerender({ found: true });
    await waitFor(() => byId('agency-photo'));
    expect(byId('agency-photo').getAttribute('alt')).toBe(MESSAGES.zh.wizard.agencyPhotoAlt);
    expect(backend.argsOf('case_agency_photo')).toEqual([{ id: 'c1', path: 'photo.receipt_number' }]);
    await expectNoAxeViolations(view.container);
    // Refused (another number typed, unknown): the photo goes.
    await view.rerender({ found: false });
    await waitFor(() => expect(document.querySelector('#agency-photo')).toBeNull());
  });

  it('cannot ask without a number', () => {
    mockBackend({});
    app.lang = 'en';
    render(AgencyPhoto, { ...RECEIPT, found: false, canAsk: false, onAsk: async () => {} });
    expect(byId<HTMLButtonElement>('get-photo').disabled).toBe(true);
  });

  it('使用本人社保相片 shows the photo on file by itself, with no button', async () => {
    const backend = mockBackend({});
    app.lang = 'en';
    const view = render(AgencyPhoto, { ...ON_FILE });
    await waitFor(() => byId('agency-photo'));
    expect(byId('agency-photo').getAttribute('alt')).toBe(MESSAGES.en.wizard.photoOnFileAlt);
    expect(document.querySelector('#get-photo')).toBeNull();
    expect(backend.argsOf('case_agency_photo')).toEqual([{ id: 'c1', path: 'photo.use_system_photo' }]);
    await expectNoAxeViolations(view.container);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`says so when the agency has no photo on file (${lang})`, async () => {
      const backend = mockBackend({});
      backend.fail.case_agency_photo = {
        code: 'agency_refused',
        agency_code: 'not_found',
        message: localized('社保系统中没有此人的相片。请选择“输入社保卡相片回执号”。', 'The social security system has no photo of this person. Choose to enter a photo receipt number instead.'),
        field: 'id_number',
      };
      app.lang = lang;
      const view = render(AgencyPhoto, { ...ON_FILE });
      const problem = await waitFor(() => byId('photo-on-file-problem'));
      expect(problem.textContent).toContain(lang === 'zh' ? '没有此人的相片' : 'no photo of this person');
      expect(document.querySelector('#agency-photo')).toBeNull();
      await expectNoAxeViolations(view.container);
    });
  }
});
