// The application wizard over the fake engine (test/fixtures evaluateWizard): steps, autosave,
// errors on Continue, documents, check answers with Change links, and submitting.
import { fireEvent, render, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { summary, validId, VALID_ID } from '../../test/fixtures';
import { byId, expectNoAxeViolations, mockBackend, typeInto } from '../../test/helpers';
import type { Lang } from '../i18n';
import Wizard from './Wizard.svelte';

const FILLED = { 'applicant.name': '张三', 'applicant.id_number': VALID_ID, 'applicant.gender': 'female' };

function openWizard(
  options: { answers?: Record<string, unknown>; photo?: boolean; lang?: Lang } = {},
) {
  const backend = mockBackend({
    cases: [summary({ id: 'c1' })],
    answers: options.answers ? { c1: options.answers } : undefined,
    photos: options.photo ? ['c1'] : [],
    validate: () => validId,
  });
  const onBack = vi.fn();
  const view = render(Wizard, { lang: options.lang ?? 'zh', caseId: 'c1', onBack, onLocked: vi.fn() });
  return { backend, onBack, ...view };
}

const heading = () => byId('wizard-heading').textContent;
const stepItems = () => [...document.querySelectorAll<HTMLLIElement>('nav.steps li')];

describe('wizard', () => {
  it('shows the steps and the first step’s questions, labelled', async () => {
    const { backend, container } = openWizard();
    await waitFor(() => expect(heading()).toBe('基本信息'));
    expect(backend.argsOf('case_open')).toEqual([{ id: 'c1' }]);
    expect(document.activeElement).toBe(byId('wizard-heading'));

    const nav = container.querySelector('nav.steps')!;
    expect(nav.getAttribute('aria-label')).toBe('申请步骤');
    expect(stepItems().map((li) => li.dataset.step)).toEqual(['basic-info', 'uploads', 'check-answers']);
    expect(stepItems()[0]!.getAttribute('aria-current')).toBe('step');
    expect(stepItems()[1]!.getAttribute('aria-current')).toBeNull();

    expect(byId<HTMLInputElement>('f-applicant-name').labels?.[0]?.textContent).toBe('姓名');
    expect(byId<HTMLInputElement>('f-applicant-id_number').labels?.[0]?.textContent).toBe('身份证号码');
    const gender = byId('f-applicant-gender').closest('fieldset')!;
    expect(gender.querySelector('legend')?.textContent).toBe('性别');
    expect(within(gender as HTMLElement).getAllByRole('radio')).toHaveLength(2);
    await expectNoAxeViolations(container);
  });

  it('saves as the user types and says so; reads hints from the ID number', async () => {
    const { backend } = openWizard();
    await waitFor(() => byId('f-applicant-name'));
    await typeInto('f-applicant-name', '张三');
    expect(byId('save-status').getAttribute('role')).toBe('status');
    expect(byId('save-status').textContent?.trim()).toBe('正在保存…');
    await waitFor(() =>
      expect(backend.argsOf('case_answer')).toEqual([{ id: 'c1', path: 'applicant.name', value: '张三' }]),
    );
    await waitFor(() => expect(byId('save-status').textContent?.trim()).toBe('已保存'));

    // A choice is saved at once.
    await fireEvent.click(byId('f-applicant-gender-1'));
    await waitFor(() => expect(backend.argsOf('case_answer').at(-1)).toEqual({ id: 'c1', path: 'applicant.gender', value: 'female' }));
    await waitFor(() => expect(byId<HTMLInputElement>('f-applicant-gender-1').checked).toBe(true));

    await typeInto('f-applicant-id_number', VALID_ID);
    const read = await waitFor(() => byId('f-applicant-id_number-read'));
    expect(read.textContent).toContain('1949年12月31日');
    expect(read.textContent).toContain('女');
    expect(read.textContent).toContain('北京市朝阳区');
    expect(byId('f-applicant-id_number').getAttribute('aria-describedby')).toContain('f-applicant-id_number-read');
  });

  it('on Continue with errors shows the summary, linked, and each error at its field', async () => {
    const { container } = openWizard({ answers: { 'applicant.gender': 'male' } });
    await waitFor(() => byId('f-applicant-name'));
    // No errors are shown before the user tries to continue.
    expect(document.querySelector('#error-summary')).toBeNull();
    await fireEvent.click(byId('wizard-continue'));

    const box = await waitFor(() => byId('error-summary'));
    await waitFor(() => expect(document.activeElement).toBe(box));
    const links = [...box.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['#f-applicant-name', '请填写姓名'],
      ['#f-applicant-id_number', '请填写身份证号码'],
    ]);
    const name = byId('f-applicant-name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe('f-applicant-name-error');
    expect(byId('f-applicant-name-error').textContent).toContain('请填写姓名');
    expect(heading()).toBe('基本信息');
    await expectNoAxeViolations(container);

    await fireEvent.click(box.querySelector('a')!);
    expect(document.activeElement).toBe(name);
  });

  it('on Continue without errors asks the agency (quietly when none is set up) and moves on', async () => {
    const { backend } = openWizard({ answers: FILLED });
    await waitFor(() => expect(heading()).toBe('上传照片'));
    // The first step was complete: the case opened at the next one. Back, then Continue again.
    await fireEvent.click(byId('wizard-back'));
    await waitFor(() => expect(heading()).toBe('基本信息'));
    expect(stepItems()[0]!.textContent).toContain('（已完成）');
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(heading()).toBe('上传照片'));
    expect(backend.argsOf('case_ask_agency')).toEqual([{ id: 'c1' }]);
    expect(document.querySelector('#agency-ask-error')).toBeNull();
    expect(stepItems()[1]!.getAttribute('aria-current')).toBe('step');

    // The documents step: the card photo, not uploaded yet; Continue says so.
    const doc = document.querySelector<HTMLElement>('li[data-kind="card_photo"]')!;
    expect(doc.querySelector('h3')?.textContent).toContain('制卡照片');
    expect(doc.dataset.done).toBe('false');
    expect(byId<HTMLInputElement>('doc-card_photo').accept).toBe('image/*');
    await fireEvent.click(byId('wizard-continue'));
    const box = await waitFor(() => byId('error-summary'));
    expect(box.querySelector('a')?.getAttribute('href')).toBe('#doc-card_photo');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`lists the answers to check, and Change returns to check answers (${lang})`, async () => {
      const { container } = openWizard({ answers: FILLED, photo: true, lang });
      const title = lang === 'zh' ? '核对您的信息' : 'Check your answers';
      await waitFor(() => expect(heading()).toBe(title));
      const rows = [...container.querySelectorAll<HTMLElement>('.summary-row')];
      expect(rows.map((r) => r.dataset.path)).toEqual([
        'applicant.name',
        'applicant.id_number',
        'applicant.gender',
        'documents.card_photo',
      ]);
      expect(rows[2]!.querySelector('dt')?.textContent).toBe(lang === 'zh' ? '性别' : 'Gender');
      expect(rows[2]!.querySelector('.answer')?.textContent).toBe(lang === 'zh' ? '女' : 'Female');
      const change = rows[0]!.querySelector('a')!;
      expect(change.textContent).toBe(lang === 'zh' ? '修改姓名' : 'Change Name');
      await expectNoAxeViolations(container);

      await fireEvent.click(change);
      await waitFor(() => expect(heading()).toBe(lang === 'zh' ? '基本信息' : 'Your details'));
      expect(document.activeElement).toBe(byId('f-applicant-name'));
      expect(byId('wizard-continue').textContent?.trim()).toBe(lang === 'zh' ? '继续' : 'Continue');
      await fireEvent.click(byId('wizard-continue'));
      await waitFor(() => expect(heading()).toBe(title));
    });
  }

  it('submits after a second confirmation, then shows the queued case and its reference', async () => {
    const { backend, container } = openWizard({ answers: FILLED, photo: true });
    await waitFor(() => expect(heading()).toBe('核对您的信息'));
    const submit = byId('wizard-continue');
    expect(submit.textContent?.trim()).toBe('提交申请');
    await fireEvent.click(submit);

    const dialog = await waitFor(() => byId('submit-dialog'));
    expect(dialog.querySelector('h2')?.textContent).toBe('确认提交申请？');
    expect(document.activeElement).toBe(byId('cancel-submit'));
    expect(backend.argsOf('case_submit')).toEqual([]);
    await fireEvent.click(byId('cancel-submit'));
    await waitFor(() => expect(document.querySelector('#submit-dialog')).toBeNull());
    expect(document.activeElement).toBe(submit);

    await fireEvent.click(submit);
    await waitFor(() => byId('confirm-submit'));
    await fireEvent.click(byId('confirm-submit'));
    await waitFor(() => expect(heading()).toBe('已排队，联网后自动发送'));
    expect(backend.argsOf('case_submit')).toEqual([{ id: 'c1' }]);
    expect(byId('case-outcome').dataset.status).toBe('queued');
    await expectNoAxeViolations(container);

    // The sender sends it: the next look shows it submitted, with the agency's reference.
    backend.wizard.c1!.status = 'submitted';
    backend.wizard.c1!.reference = 'BJ2026-000123';
    await waitFor(() => expect(heading()).toBe('已提交'), { timeout: 3500 });
    expect(byId('agency-reference').textContent).toBe('BJ2026-000123');
  });

  it('goes back to the list', async () => {
    const { onBack } = openWizard();
    await waitFor(() => byId('f-applicant-name'));
    await fireEvent.click(byId('back-to-list'));
    expect(onBack).toHaveBeenCalledOnce();
  });
});
