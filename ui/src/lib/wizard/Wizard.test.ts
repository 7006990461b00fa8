// The application wizard over the real engine's evaluations of small flows (test/engine.ts): steps, autosave,
// errors on Continue, documents, check answers with Change links, and submitting; the steps' text,
// SMS codes, the documents step's file dialog, marks, removal and cartoon photo, reopening a
// rejected case, steps to revisit, and elderly mode's one question per page; the employer's
// roster of employees above the question that chooses them (bj-employer-submit).
import { fireEvent, render, waitFor, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { AgencySettings } from '../../bindings/AgencySettings';
import type { CaseSummary } from '../../bindings/CaseSummary';
import type { FlowTitle } from '../../bindings/FlowTitle';
import {
  AGENCY_UNSET,
  ALL_FLOWS,
  EMPLOYEES,
  PHOTO_CHECK,
  STEP_TEXT,
  TRAINING_SMS_CODE,
  TRAINING_URL,
  reason,
  summary,
  validId,
  VALID_ID,
  WORDS,
} from '../../test/fixtures';
import { byId, deferred, expectNoAxeViolations, mockBackend, typeInto } from '../../test/helpers';
import type { TestFlow } from '../../test/engine';
import { MESSAGES, type Lang } from '../i18n';
import Wizard from './Wizard.svelte';
import { app } from '../app.svelte';
import { documentLabel } from '../flows';
import { localized } from '../../test/localized';

const FILLED = { 'applicant.name': '张三', 'applicant.id_number': VALID_ID, 'applicant.gender': 'female' };
const TRAINING: AgencySettings = { ...AGENCY_UNSET, training: true, training_url: TRAINING_URL };

function openWizard(
  options: {
    answers?: Record<string, unknown>;
    photo?: boolean;
    lang?: Lang;
    elderly?: boolean;
    /** The UI tests' flow the case follows (test/engine.ts): ui-small unless given. */
    flow?: TestFlow;
    /** The flow version the case was started with (ui-revisit's 1). */
    startedVersion?: number;
    agency?: AgencySettings;
    case?: Partial<CaseSummary>;
    flows?: FlowTitle[];
  } = {},
) {
  const backend = mockBackend({
    cases: [summary({ ...options.case, id: 'c1' })],
    answers: options.answers ? { c1: options.answers } : undefined,
    photos: options.photo ? ['c1'] : [],
    validate: () => validId,
    flow: options.flow,
    startedVersion: options.startedVersion,
    agency: options.agency,
    flows: options.flows,
  });
  const onBack = vi.fn();
  const onOpen = vi.fn();
  app.lang = options.lang ?? 'zh';
  app.elderly = options.elderly ?? false;
  const view = render(Wizard, {
    caseId: 'c1',
    onBack,
    onOpen,
  });
  return { backend, onBack, onOpen, ...view };
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
      ['#f-applicant-name', '请填写姓名。'],
      ['#f-applicant-id_number', '请填写身份证号码。'],
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
    const { backend } = openWizard({ flow: 'ui-eligibility', answers: FILLED });
    await waitFor(() => expect(heading()).toBe('上传照片'));
    // The first step was complete: the case opened at the next one. Back, then Continue again.
    await fireEvent.click(byId('wizard-back'));
    await waitFor(() => expect(heading()).toBe('基本信息'));
    expect(stepItems()[0]!.textContent).toContain('（已完成）');
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(heading()).toBe('上传照片'));
    // Asked on opening (due once the first step is complete) and again on leaving that step.
    expect(backend.argsOf('case_ask_agency').at(-1)).toEqual({ id: 'c1' });
    expect(document.querySelector('#agency-ask-error')).toBeNull();
    expect(stepItems()[1]!.getAttribute('aria-current')).toBe('step');

    // The documents step: the card photo, not uploaded yet; Continue says so.
    const doc = document.querySelector<HTMLElement>('li[data-kind="card_photo"]')!;
    expect(doc.querySelector('h2')?.textContent).toContain('制卡照片');
    expect(doc.dataset.done).toBe('false');
    expect(byId<HTMLInputElement>('doc-card_photo').accept).toBe('image/*');
    await fireEvent.click(byId('wizard-continue'));
    const box = await waitFor(() => byId('error-summary'));
    expect(box.querySelector('a')?.getAttribute('href')).toBe('#doc-card_photo');
  });

  it('offers no Change link where the engine says there is none (locked, or checked by the agency)', async () => {
    const { container } = openWizard({ flow: 'ui-locked', answers: FILLED, photo: true });
    await waitFor(() => expect(heading()).toBe('核对您的信息'));
    const row = (path: string) => container.querySelector<HTMLElement>(`.summary-row[data-path="${path}"]`)!;
    expect(row('applicant.gender').querySelector('.answer')?.textContent).toBe('女');
    expect(row('applicant.gender').querySelector('a')).toBeNull();
    expect(row('applicant.name').querySelector('a')?.textContent).toBe('修改姓名');
    await expectNoAxeViolations(container);
  });

  it('lays out the flow’s own sections, each answer’s Change going to the step that asks it', async () => {
    // As 004 §1.3.7: one section may hold answers asked on several pages.
    const { container } = openWizard({ flow: 'ui-sections', answers: FILLED, photo: true });
    await waitFor(() => expect(heading()).toBe('核对您的信息'));
    const sections = [...container.querySelectorAll<HTMLElement>('section.check-section')];
    expect(sections.map((s) => s.querySelector('h2')?.textContent)).toEqual(['个人信息']);
    expect(sections[0]!.getAttribute('aria-labelledby')).toBe('check-personal');
    const photo = container.querySelector<HTMLAnchorElement>('[data-change="documents.card_photo"]')!;
    expect(photo.getAttribute('href')).toBe('#step-uploads');
    await fireEvent.click(photo);
    await waitFor(() => expect(heading()).toBe('上传照片'));
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
    // The channel's own second confirmation (seed 001: "是否确认提交个人申领").
    expect(dialog.querySelector('h2')?.textContent).toBe('是否确认提交个人申领？');
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

    // The sender sends it and says so: the page shows it submitted, with the agency's reference.
    backend.wizard.c1!.status = 'submitted';
    backend.wizard.c1!.reference = 'BJ2026-000123';
    backend.push({ kind: 'case_changed', id: 'c1' });
    await waitFor(() => expect(heading()).toBe('已提交'));
    expect(byId('agency-reference').textContent).toBe('BJ2026-000123');
    // And its success page's words.
    expect(byId('done-words').textContent).toBe('您已完成个人申领业务办理，请在个人中心我的办事中查看办事进度。');
  });

  it('goes back to the list', async () => {
    const { onBack } = openWizard();
    await waitFor(() => byId('f-applicant-name'));
    await fireEvent.click(byId('back-to-list'));
    expect(onBack).toHaveBeenCalledOnce();
  });
});

const text = (id: string) => byId(id).textContent?.replace(/\s+/g, ' ').trim();
const formFields = () => [...document.querySelectorAll<HTMLElement>('#wizard-form [data-field]')].map((e) => e.dataset.field);

/** The browser's object URLs, which jsdom lacks: the documents step shows previews with them. */
function stubPreviews(): void {
  const url = URL as unknown as Record<'createObjectURL' | 'revokeObjectURL', unknown>;
  url.createObjectURL = vi.fn(() => 'blob:preview');
  url.revokeObjectURL = vi.fn();
  onTestFinished(() => {
    delete url.createObjectURL;
    delete url.revokeObjectURL;
  });
}

describe('step text', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`is shown above the questions, a paragraph a line (${lang})`, async () => {
      const { container } = openWizard({ flow: 'ui-text', lang });
      await waitFor(() => byId('f-applicant-name'));
      const paragraphs = [...byId('step-text').querySelectorAll('p')].map((p) => p.textContent);
      expect(paragraphs).toEqual(STEP_TEXT[lang].split('\n'));
      const first = document.querySelector('#wizard-form [data-field]')!;
      expect(byId('step-text').compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      await expectNoAxeViolations(container);
    });
  }

  it('is not there on a step without text', async () => {
    openWizard();
    await waitFor(() => byId('f-applicant-name'));
    expect(document.querySelector('#step-text')).toBeNull();
  });
});

describe('SMS codes', () => {
  const SEND = 'f-applicant-sms_code-send';

  for (const lang of ['zh', 'en'] as const) {
    it(`sends the code to the group's mobile and shows the training code, then waits a minute (${lang})`, async () => {
      const t = MESSAGES[lang];
      const mobile = lang === 'zh' ? '13800138000' : '13800138001';
      const { backend, container } = openWizard({ flow: 'ui-sms', agency: TRAINING, answers: { 'applicant.mobile': mobile }, lang });
      const send = await waitFor(() => byId<HTMLButtonElement>(SEND));
      expect(send.textContent?.trim()).toBe(t.wizard.smsSend);
      expect(send.getAttribute('aria-describedby')).toBe('f-applicant-sms_code-sms-hint');
      expect(text('f-applicant-sms_code-sms-hint')).toBe(t.wizard.smsGoesTo(mobile));
      // It follows its field.
      const code = byId('f-applicant-sms_code');
      expect(code.compareDocumentPosition(send) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

      send.focus();
      await fireEvent.click(send);
      const shown = await waitFor(() => byId('f-applicant-sms_code-training-code'));
      expect(backend.argsOf('agency_sms_send')).toEqual([{ mobile }]);
      expect(shown.dataset.code).toBe(TRAINING_SMS_CODE);
      expect(shown.textContent?.replace(/\s+/g, '')).toBe(`${t.wizard.smsTrainingCode}${TRAINING_SMS_CODE}`.replace(/\s+/g, ''));
      expect(byId('f-applicant-sms_code-sms-status').getAttribute('role')).toBe('status');
      expect(byId('f-applicant-sms_code-sms-status').textContent).toContain(t.wizard.smsSent(mobile));
      // Another code only after a minute; the button keeps focus meanwhile.
      expect(send.getAttribute('aria-disabled')).toBe('true');
      expect(send.textContent?.trim()).toMatch(lang === 'zh' ? /^(60|59)秒后可重新发送$/ : /^Send again in (60|59) s$/);
      expect(document.activeElement).toBe(send);
      await fireEvent.click(send);
      expect(backend.argsOf('agency_sms_send')).toHaveLength(1);
      await expectNoAxeViolations(container);

      const later = Date.now() + 61_000;
      const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
      onTestFinished(() => clock.mockRestore());
      await waitFor(() => expect(send.textContent?.trim()).toBe(t.wizard.smsSendAgain), { timeout: 2500 });
      expect(send.getAttribute('aria-disabled')).toBeNull();
    });
  }

  it('uses the number just typed, and says when there is none', async () => {
    const { backend } = openWizard({ flow: 'ui-sms', agency: TRAINING });
    const send = await waitFor(() => byId(SEND));
    expect(text('f-applicant-sms_code-sms-hint')).toBe(MESSAGES.zh.wizard.smsNoMobile);
    await fireEvent.click(send);
    await waitFor(() => expect(text('f-applicant-sms_code-sms-error')).toBe(MESSAGES.zh.wizard.smsNoMobile));
    expect(byId('f-applicant-sms_code-sms-error').getAttribute('role')).toBe('alert');
    expect(backend.argsOf('agency_sms_send')).toEqual([]);

    // Typed but not saved yet: it is saved first.
    await typeInto('f-applicant-mobile', '13900139000');
    await fireEvent.click(send);
    await waitFor(() => expect(backend.argsOf('agency_sms_send')).toEqual([{ mobile: '13900139000' }]));
    expect(document.querySelector('#f-applicant-sms_code-sms-error')).toBeNull();
  });

  it('says to set up the agency in Settings when there is none', async () => {
    openWizard({ flow: 'ui-sms', answers: { 'applicant.mobile': '13700137000' }, lang: 'en' });
    await fireEvent.click(await waitFor(() => byId(SEND)));
    await waitFor(() => expect(text('f-applicant-sms_code-sms-error')).toBe(MESSAGES.en.wizard.smsNoAgency));
    expect(document.querySelector('#f-applicant-sms_code-training-code')).toBeNull();
  });

  it('checks a code typed with the agency on Continue, and shows a wrong one at its field', async () => {
    const answers = { ...FILLED, 'applicant.mobile': '13600136000' };
    const { backend } = openWizard({ flow: 'ui-sms', agency: TRAINING, answers });
    await waitFor(() => expect(heading()).toBe('上传照片'));
    await fireEvent.click(byId('wizard-back'));
    await waitFor(() => byId('f-applicant-sms_code'));

    await typeInto('f-applicant-sms_code', '111111');
    await fireEvent.click(byId('wizard-continue'));
    const box = await waitFor(() => byId('error-summary'));
    expect(backend.argsOf('agency_sms_verify')).toEqual([{ mobile: '13600136000', code: '111111' }]);
    const link = box.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#f-applicant-sms_code');
    expect(link.textContent).toBe('短信验证码不正确或已过期。');
    expect(byId('f-applicant-sms_code').getAttribute('aria-invalid')).toBe('true');
    expect(text('f-applicant-sms_code-error')).toContain('短信验证码不正确或已过期。');

    // A new code clears the error; the right one lets the user on.
    await typeInto('f-applicant-sms_code', TRAINING_SMS_CODE);
    await waitFor(() => expect(document.querySelector('#f-applicant-sms_code-error')).toBeNull());
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(heading()).toBe('上传照片'));
    expect(backend.argsOf('agency_sms_verify').at(-1)).toEqual({ mobile: '13600136000', code: TRAINING_SMS_CODE });

    // Checked once: going back and on does not ask again.
    await fireEvent.click(byId('wizard-back'));
    await waitFor(() => expect(heading()).toBe('基本信息'));
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(heading()).toBe('上传照片'));
    expect(backend.argsOf('agency_sms_verify')).toHaveLength(2);
  });

  it('leaves the code to the agency when it cannot be asked', async () => {
    const { backend } = openWizard({ flow: 'ui-sms', answers: { ...FILLED, 'applicant.mobile': '13500135000' } });
    await waitFor(() => expect(heading()).toBe('上传照片'));
    await fireEvent.click(byId('wizard-back'));
    await waitFor(() => byId('f-applicant-sms_code'));
    await typeInto('f-applicant-sms_code', '111111');
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(heading()).toBe('上传照片'));
    expect(backend.argsOf('agency_sms_verify')).toEqual([{ mobile: '13500135000', code: '111111' }]);
  });
});

describe('documents step', () => {
  const doc = () => document.querySelector<HTMLElement>('li[data-kind="card_photo"]')!;

  for (const lang of ['zh', 'en'] as const) {
    it(`chooses a picture in the system's dialog, with progress, and draws the check's marks (${lang})`, async () => {
      stubPreviews();
      const t = MESSAGES[lang];
      const { backend, container } = openWizard({ answers: FILLED, lang });
      const pick = await waitFor(() => byId<HTMLButtonElement>('doc-card_photo-pick'));
      expect(pick.textContent?.replace(/\s+/g, '')).toBe(`${t.documents.pickFile}：${documentLabel('card_photo', lang)}`.replace(/\s+/g, ''));
      // The file input stays, for drag-and-drop's neighbour and for the end-to-end test.
      expect(byId<HTMLInputElement>('doc-card_photo').type).toBe('file');

      const held = deferred<void>();
      backend.hold.document_pick = held.promise;
      pick.focus();
      await fireEvent.click(pick);
      await waitFor(() => expect(text('doc-card_photo-progress')).toBe(t.documents.uploading));
      expect(byId('doc-card_photo-progress').getAttribute('role')).toBe('status');
      expect(pick.disabled).toBe(true);
      expect(byId<HTMLInputElement>('doc-card_photo').disabled).toBe(true);
      held.resolve();

      await waitFor(() => expect(doc().dataset.done).toBe('true'));
      expect(backend.argsOf('document_pick')).toEqual([{ id: 'c1', kind: 'card_photo' }]);
      expect(text('doc-card_photo-progress')).toBe('');
      expect(document.activeElement).toBe(pick);
      // The problems in words; the marks drawn over the picture, hidden from screen readers.
      const problems = [...doc().querySelectorAll('.problems li')].map((li) => li.textContent);
      expect(problems).toEqual(PHOTO_CHECK.problems.map((p) => (lang === 'zh' ? p.message.zh : p.message.en)));
      const marks = await waitFor(() => byId('doc-card_photo-marks'));
      expect(marks.getAttribute('aria-hidden')).toBe('true');
      expect(marks.getAttribute('viewBox')).toBe('0 0 600 800');
      expect(marks.previousElementSibling?.tagName).toBe('IMG');
      const face = marks.querySelector('[data-mark="face"]')!;
      expect([face.getAttribute('x'), face.getAttribute('y'), face.getAttribute('width'), face.getAttribute('height')]).toEqual(['200', '180', '200', '260']);
      expect([...marks.querySelectorAll('rect')].map((r) => r.dataset.mark)).toEqual(['crop', 'face', 'glare']);
      const legend = [...byId('doc-card_photo-legend').querySelectorAll('li')].map((li) => li.textContent?.trim());
      expect(legend).toEqual([t.documents.markNames.crop, t.documents.markNames.face, t.documents.markNames.glare]);
      await expectNoAxeViolations(container);

      // The fix, with its own progress; the fixed picture has only its face marked.
      const fix = byId<HTMLButtonElement>('doc-card_photo-fix');
      const fixing = deferred<void>();
      backend.hold.document_fix = fixing.promise;
      await fireEvent.click(fix);
      await waitFor(() => expect(text('doc-card_photo-progress')).toBe(t.documents.fixing));
      expect(fix.disabled).toBe(true);
      expect(pick.disabled).toBe(true);
      fixing.resolve();
      await waitFor(() => expect(doc().querySelector('.ok')?.textContent).toBe(t.documents.photoOk));
      expect([...byId('doc-card_photo-marks').querySelectorAll('rect')].map((r) => r.dataset.mark)).toEqual(['face']);
      expect(doc().querySelector('.changes')?.textContent).toContain(lang === 'zh' ? '已裁剪为358×441像素' : 'Cropped to 358×441 pixels');
    });
  }

  it('does nothing when the dialog is cancelled', async () => {
    const { backend } = openWizard({ answers: FILLED });
    backend.picked = null;
    const pick = await waitFor(() => byId<HTMLButtonElement>('doc-card_photo-pick'));
    await fireEvent.click(pick);
    await waitFor(() => expect(backend.argsOf('document_pick')).toHaveLength(1));
    await waitFor(() => expect(pick.disabled).toBe(false));
    expect(doc().dataset.done).toBe('false');
    expect(doc().querySelector('[role="alert"]')).toBeNull();
    expect(document.querySelector('#doc-card_photo-remove')).toBeNull();
  });

  it('names what the agency would refuse, and offers to use a picture anyway when the rest is advice', async () => {
    const { backend, container } = openWizard({ answers: FILLED });
    // One finding the agency would refuse (the size) and one that is advice (glare).
    await fireEvent.click(await waitFor(() => byId('doc-card_photo-pick')));
    await waitFor(() => expect(text('doc-card_photo-refused')).toBe(MESSAGES.zh.documents.photoRefused));
    expect(doc().querySelector('.problems[data-blocks="true"] li')?.textContent).toBe(PHOTO_CHECK.problems[0]!.message.zh);
    expect(document.querySelector('#doc-card_photo-accept')).toBeNull();
    // Advice only: the person may use it anyway, and the choice is recorded by Rust.
    backend.picked = { ...PHOTO_CHECK, problems: PHOTO_CHECK.problems.filter((p) => !p.blocks) };
    await waitFor(() => expect(byId<HTMLButtonElement>('doc-card_photo-pick').disabled).toBe(false));
    await fireEvent.click(byId('doc-card_photo-pick'));
    await waitFor(() => expect(document.querySelector('#doc-card_photo-refused')).toBeNull());
    const accept = await waitFor(() => byId('doc-card_photo-accept'));
    expect(accept.textContent?.replace(/\s+/g, '')).toBe('仍然使用这张图片：制卡照片');
    await expectNoAxeViolations(container);
    await fireEvent.click(accept);
    await waitFor(() => expect(text('doc-card_photo-accepted')).toBe(MESSAGES.zh.documents.usedAnyway));
    expect(backend.argsOf('document_accept')).toEqual([{ id: 'c1', kind: 'card_photo' }]);
  });

  it('says the agency has not answered yet, the draft goes on, and it asks again', async () => {
    const { backend, container } = openWizard({ flow: 'ui-eligibility', answers: FILLED });
    await waitFor(() => expect(heading()).toBe('上传照片'));
    const notice = byId('agency-waiting');
    expect(notice.querySelector('h2')?.textContent).toBe(MESSAGES.zh.wizard.agencyWaitingTitle);
    expect(notice.textContent).toContain('基本信息：还没有收到经办机构的答复。');
    await expectNoAxeViolations(container);
    const asked = backend.argsOf('case_ask_agency').length;
    await fireEvent.click(byId('agency-ask-now'));
    await waitFor(() => expect(backend.argsOf('case_ask_agency')).toHaveLength(asked + 1));
  });

  it('after a clean-up has gone, 继续申领 goes back to the application (seed 004 §1.3.12)', async () => {
    const { backend, onOpen, container } = openWizard({ case: { status: 'submitted', flow_id: 'gd-card-cleanup' }, flows: ALL_FLOWS });
    const button = await waitFor(() => byId('continue-application'));
    expect(button.textContent).toBe('继续申领');
    expect(text('done-words')).toBe(WORDS.done.zh);
    await expectNoAxeViolations(container);
    await fireEvent.click(button);
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('c2'));
    expect(backend.argsOf('case_continue')).toEqual([{ id: 'c1' }]);
  });

  it('removes a picture after a confirmation', async () => {
    const { backend, container } = openWizard({ answers: FILLED });
    await fireEvent.click(await waitFor(() => byId('doc-card_photo-pick')));
    const remove = await waitFor(() => byId('doc-card_photo-remove'));
    expect(remove.textContent?.replace(/\s+/g, '')).toBe('删除：制卡照片');

    await fireEvent.click(remove);
    const dialog = await waitFor(() => byId('remove-dialog'));
    expect(dialog.querySelector('h2')?.textContent).toBe('删除制卡照片？');
    expect(text('remove-warning')).toBe(MESSAGES.zh.documents.removeWarning);
    expect(document.activeElement).toBe(byId('cancel-remove'));
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('cancel-remove'));
    await waitFor(() => expect(document.querySelector('#remove-dialog')).toBeNull());
    expect(document.activeElement).toBe(remove);
    expect(backend.argsOf('document_remove')).toEqual([]);

    await fireEvent.click(remove);
    await fireEvent.click(await waitFor(() => byId('confirm-remove')));
    await waitFor(() => expect(doc().dataset.done).toBe('false'));
    expect(backend.argsOf('document_remove')).toEqual([{ id: 'c1', kind: 'card_photo' }]);
    expect(document.querySelector('#remove-dialog')).toBeNull();
    expect(document.querySelector('#doc-card_photo-remove')).toBeNull();
    expect(doc().querySelector('.problems')).toBeNull();
    expect(document.activeElement).toBe(byId('doc-card_photo-pick'));
  });

  it('offers the default cartoon photo when the engine does (a child under 7)', async () => {
    const { backend } = openWizard({ answers: FILLED, flow: 'ui-cartoon', lang: 'en' });
    const cartoon = await waitFor(() => byId('doc-card_photo-default'));
    expect(cartoon.textContent?.trim()).toBe('Use the default cartoon photo');
    expect(text('doc-card_photo-default-hint')).toBe(MESSAGES.en.documents.defaultPhotoHint);
    await fireEvent.click(cartoon);
    await waitFor(() => expect(doc().dataset.done).toBe('true'));
    expect(backend.argsOf('document_default_child_photo')).toEqual([{ id: 'c1' }]);
  });

  it('does not offer it otherwise', async () => {
    openWizard({ answers: FILLED });
    await waitFor(() => byId('doc-card_photo-pick'));
    expect(document.querySelector('#doc-card_photo-default')).toBeNull();
  });
});

describe('a rejected or failed case', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`shows the agency's reason and is changed and resubmitted (${lang})`, async () => {
      const t = MESSAGES[lang];
      const { backend, container } = openWizard({
        answers: FILLED,
        photo: true,
        lang,
        case: { status: 'rejected', status_reason: reason('照片不合格', 'The photo was not accepted'), applied_on: '2026-11-20' },
      });
      await waitFor(() => expect(heading()).toBe(t.outcome.caseStatusHeading));
      expect(text('applied-on')).toBe(`${t.outcome.appliedOn}2026-11-20`.trim());
      const said = lang === 'zh' ? '照片不合格' : 'The photo was not accepted';
      expect(text('status-reason')).toBe(`${t.common.statusReason}${said}`.trim());
      const reopen = byId('reopen-case');
      expect(reopen.textContent?.trim()).toBe(t.outcome.reopenButton);
      await expectNoAxeViolations(container);

      await fireEvent.click(reopen);
      // Nothing is wrong as far as the engine knows: straight to check answers, the reason in sight.
      await waitFor(() => expect(heading()).toBe(t.checkAnswers.heading));
      expect(backend.argsOf('case_reopen')).toEqual([{ id: 'c1', reason: t.outcome.reopenReason }]);
      expect(document.activeElement).toBe(byId('wizard-heading'));
      expect(byId('reopen-reason').querySelector('h2')?.textContent).toBe(t.common.statusNames.rejected);
      expect(byId('reopen-reason').textContent).toContain(said);
      await expectNoAxeViolations(container);

      await fireEvent.click(byId('wizard-continue'));
      await fireEvent.click(await waitFor(() => byId('confirm-submit')));
      await waitFor(() => expect(byId('case-outcome').dataset.status).toBe('queued'));
      expect(backend.argsOf('case_submit')).toEqual([{ id: 'c1' }]);
    });
  }

  it('goes back to the first step with an error', async () => {
    openWizard({ answers: { 'applicant.gender': 'male' }, photo: true, case: { status: 'rejected', status_reason: reason('姓名有误', 'The name is wrong') } });
    await fireEvent.click(await waitFor(() => byId('reopen-case')));
    await waitFor(() => expect(heading()).toBe('基本信息'));
    expect(byId('reopen-reason').textContent).toContain('原因：姓名有误');
  });

  it('says a case being sent is on its way, and that a dropped connection loses nothing', async () => {
    const { container } = openWizard({ answers: FILLED, photo: true, case: { status: 'sending' } });
    await waitFor(() => expect(byId('case-outcome').dataset.status).toBe('sending'));
    expect(heading()).toBe(MESSAGES.zh.outcome.sendingHeading);
    expect(byId('case-outcome').textContent).toContain(MESSAGES.zh.outcome.sendingBody);
    expect(byId('case-outcome').textContent).not.toContain(MESSAGES.zh.outcome.queuedHeading);
    await expectNoAxeViolations(container);
  });

  it('waits for the next attempt when sending failed, and says why', async () => {
    const { backend, container } = openWizard({ answers: FILLED, photo: true, case: { status: 'failed', status_reason: reason('网络中断', 'The connection dropped') } });
    await waitFor(() => expect(byId('case-outcome').dataset.status).toBe('failed'));
    expect(heading()).toBe(MESSAGES.zh.outcome.queuedHeading);
    expect(text('status-reason')).toBe(`${MESSAGES.zh.common.statusReason}网络中断`.trim());
    expect(byId('case-outcome').textContent).toContain(MESSAGES.zh.common.nextSteps.failed);
    expect(document.getElementById('reopen-case')).toBeNull();
    await expectNoAxeViolations(container);
    // Read again when the sender moves it on, not for another case's news, never on a timer.
    const opened = backend.argsOf('case_open').length;
    backend.push({ kind: 'case_changed', id: 'someone-else' });
    await tick();
    expect(backend.argsOf('case_open')).toHaveLength(opened);
    backend.wizard.c1!.status = 'submitted';
    backend.push({ kind: 'case_changed', id: 'c1' });
    await waitFor(() => expect(byId('case-outcome').dataset.status).toBe('submitted'));
    expect(backend.argsOf('case_open')).toHaveLength(opened + 1);
  });

  it('says why it could not be reopened', async () => {
    const { backend } = openWizard({ case: { status: 'rejected', status_reason: reason('照片不合格', 'The photo was not accepted') } });
    const reopen = await waitFor(() => byId('reopen-case'));
    backend.fail.case_reopen = { code: 'database', message: localized('数据库出错', 'A database error') };
    await fireEvent.click(reopen);
    await waitFor(() => expect(text('reopen-error')).toBe('数据库出错'));
    expect(heading()).toBe('申请状态');
  });
});

describe('steps to revisit', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`are listed on check answers, each linked (${lang})`, async () => {
      const { container } = openWizard({ answers: FILLED, photo: true, lang, flow: 'ui-revisit', startedVersion: 1 });
      await waitFor(() => expect(heading()).toBe(MESSAGES[lang].checkAnswers.heading));
      const notice = byId('revisit-notice');
      expect(notice.getAttribute('role')).toBe('region');
      expect(notice.querySelector('h2')?.textContent).toBe(MESSAGES[lang].checkAnswers.revisitTitle);
      const links = [...notice.querySelectorAll('a')];
      expect(links.map((a) => [a.dataset.revisit, a.textContent])).toEqual([['basic-info', lang === 'zh' ? '基本信息' : 'Your details']]);
      await expectNoAxeViolations(container);

      await fireEvent.click(links[0]!);
      await waitFor(() => expect(document.activeElement).toBe(byId('f-applicant-gender')));
      await fireEvent.click(byId('wizard-continue'));
      await waitFor(() => expect(heading()).toBe(MESSAGES[lang].checkAnswers.heading));
    });
  }

  it('are not listed when there are none', async () => {
    openWizard({ answers: FILLED, photo: true });
    await waitFor(() => expect(heading()).toBe('核对您的信息'));
    expect(document.querySelector('#revisit-notice')).toBeNull();
  });
});

describe('elderly mode', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`asks one question per page, its errors only, within the step (${lang})`, async () => {
      const t = MESSAGES[lang];
      const { container } = openWizard({ elderly: true, lang });
      await waitFor(() => expect(text('question-counter')).toBe(t.wizard.questionOf(1, 3)));
      expect(formFields()).toEqual(['applicant.name']);
      expect(document.querySelector('#wizard-back')).toBeNull();

      // Continue with nothing: this question's error only.
      await fireEvent.click(byId('wizard-continue'));
      const box = await waitFor(() => byId('error-summary'));
      expect([...box.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#f-applicant-name']);
      await expectNoAxeViolations(container);

      await typeInto('f-applicant-name', '张三');
      await fireEvent.click(byId('wizard-continue'));
      await waitFor(() => expect(text('question-counter')).toBe(t.wizard.questionOf(2, 3)));
      expect(document.activeElement).toBe(byId('question-counter'));
      expect(document.querySelector('#error-summary')).toBeNull();
      expect(formFields()).toEqual(['applicant.id_number']);
      expect(stepItems()[0]!.getAttribute('aria-current')).toBe('step');
      expect(text('wizard-heading')).toBe(lang === 'zh' ? '基本信息' : 'Your details');
      await expectNoAxeViolations(container);

      // Back: the question before, in the same step.
      await fireEvent.click(byId('wizard-back'));
      await waitFor(() => expect(text('question-counter')).toBe(t.wizard.questionOf(1, 3)));
      expect(byId<HTMLInputElement>('f-applicant-name').value).toBe('张三');
      await fireEvent.click(byId('wizard-continue'));
      await waitFor(() => expect(formFields()).toEqual(['applicant.id_number']));
      await typeInto('f-applicant-id_number', VALID_ID);
      await fireEvent.click(byId('wizard-continue'));
      await waitFor(() => expect(text('question-counter')).toBe(t.wizard.questionOf(3, 3)));
      // The engine reads the gender off the ID number: shown, not asked.
      expect(text('f-applicant-gender')).toBe(lang === 'zh' ? '女' : 'Female');
      await fireEvent.click(byId('wizard-continue'));
      await waitFor(() => expect(heading()).toBe(lang === 'zh' ? '上传照片' : 'Photo'));
      expect(document.querySelector('#question-counter')).toBeNull();

      // Back from the next step: the step's last question.
      await fireEvent.click(byId('wizard-back'));
      await waitFor(() => expect(text('question-counter')).toBe(t.wizard.questionOf(3, 3)));
    });
  }

  it('keeps check answers whole, and Change goes to the question and back', async () => {
    const { container } = openWizard({ elderly: true, answers: FILLED, photo: true });
    await waitFor(() => expect(heading()).toBe('核对您的信息'));
    expect(document.querySelector('#question-counter')).toBeNull();
    expect(container.querySelectorAll('.summary-row')).toHaveLength(4);

    await fireEvent.click(container.querySelector('[data-change="applicant.id_number"]')!);
    await waitFor(() => expect(text('question-counter')).toBe('第 2 题，共 3 题'));
    expect(document.activeElement).toBe(byId('f-applicant-id_number'));
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(heading()).toBe('核对您的信息'));
  });

  it('shows the step text on its first question', async () => {
    openWizard({ elderly: true, flow: 'ui-text-sms' });
    await waitFor(() => expect(text('question-counter')).toBe('第 1 题，共 5 题'));
    expect(byId('step-text').querySelectorAll('p')).toHaveLength(2);
    await typeInto('f-applicant-name', '张三');
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(text('question-counter')).toBe('第 2 题，共 5 题'));
    expect(document.querySelector('#step-text')).toBeNull();
  });
});

describe('the employer’s roster of employees', () => {
  /** As the demo agency lists them before anyone confirms but one (tests/e2e). */
  const THREE = EMPLOYEES.slice(0, 3);
  const employer = (employees: unknown, lang: Lang = 'zh', elderly = false) =>
    openWizard({ flow: 'ui-employer', lang, elderly, answers: { ...FILLED, 'agency.employees': employees } });
  const roster = () => byId('employee-roster');
  const rows = () =>
    [...roster().querySelectorAll<HTMLTableRowElement>('tbody tr')].map((r) => [
      r.dataset.employee,
      r.dataset.status,
      [...r.cells].map((c) => c.textContent?.trim()),
    ]);
  const ZH = { registered: '待确认：职工尚未确认个人信息', confirmed: '信息已确认，可以提交', submitted: '已提交' };
  const EN = {
    registered: 'Waiting for the employee to confirm their details',
    confirmed: 'Confirmed: can be submitted',
    submitted: 'Submitted',
  };

  for (const lang of ['zh', 'en'] as const) {
    it(`shows every employee and their status in words above the question (${lang})`, async () => {
      const words = lang === 'zh' ? ZH : EN;
      const { container } = employer(EMPLOYEES, lang);
      await waitFor(() => expect(heading()).toBe(lang === 'zh' ? '选择职工' : 'Choose employees'));
      expect(rows()).toEqual([
        ['emp-0001', 'confirmed', ['孙立伟', words.confirmed]],
        ['emp-0002', 'registered', ['周敏', words.registered]],
        ['emp-0003', 'registered', ['吴昊', words.registered]],
        ['emp-0004', 'submitted', ['郑十', words.submitted]],
      ]);
      const table = roster().querySelector('table')!;
      expect(table.querySelector('caption')?.textContent).toBe(
        lang === 'zh' ? '职工信息确认情况' : 'Employees and their confirmation status',
      );
      expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent])).toEqual(
        lang === 'zh' ? [['col', '姓名'], ['col', '状态']] : [['col', 'Name'], ['col', 'Status']],
      );
      expect(text('employee-roster-summary')).toBe(
        lang === 'zh'
          ? '共 4 名职工：1 名可提交，2 名待确认，1 名已提交。'
          : '4 employees: 1 can be submitted, 2 waiting to confirm, 1 already submitted.',
      );
      expect(table.getAttribute('aria-describedby')).toBe('employee-roster-summary');
      expect(document.querySelector('#employee-roster-none')).toBeNull();

      // Above the question, which offers the confirmed employee only.
      const question = container.querySelector<HTMLElement>('[data-field="submit.employees"]')!;
      expect(roster().compareDocumentPosition(question) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(byId('wizard-form').contains(roster())).toBe(true);
      expect(within(question).getAllByRole('checkbox').map((c) => c.nextElementSibling?.textContent)).toEqual(['孙立伟']);
      await expectNoAxeViolations(container);
    });

    it(`counts the employees as the agency lists them (${lang})`, async () => {
      employer(THREE, lang);
      await waitFor(() => roster());
      expect(text('employee-roster-summary')).toBe(
        lang === 'zh' ? '共 3 名职工：1 名可提交，2 名待确认。' : '3 employees: 1 can be submitted, 2 waiting to confirm.',
      );
    });

    it(`says what to do when nobody has confirmed yet (${lang})`, async () => {
      const t = MESSAGES[lang];
      const { container } = employer(
        THREE.map((e) => ({ ...e, status: 'registered' })),
        lang,
      );
      await waitFor(() => roster());
      expect(text('employee-roster-summary')).toBe(
        lang === 'zh' ? '共 3 名职工：0 名可提交，3 名待确认。' : '3 employees: 0 can be submitted, 3 waiting to confirm.',
      );
      const none = byId('employee-roster-none');
      expect(none.textContent?.trim()).toBe(t.roster.noneConfirmed);
      // Where the employees confirm: the flow's own title.
      expect(none.textContent).toContain(
        lang === 'zh' ? '单位集体申请：个人信息确认' : 'Confirm your details for your employer’s collective application',
      );
      expect(none.textContent).toContain(lang === 'zh' ? '再打开这份申请' : 'open this application again');
      expect(rows().map((r) => r[1])).toEqual(['registered', 'registered', 'registered']);
      expect(container.querySelectorAll('[data-field="submit.employees"] input')).toHaveLength(0);

      // Continue: the question is required, and the roster stays to say why.
      await fireEvent.click(byId('wizard-continue'));
      await waitFor(() => byId('error-summary'));
      expect(byId('employee-roster-none')).toBeTruthy();
      await expectNoAxeViolations(container);
    });
  }

  it('adds the masked ID numbers when the agency gives them, and reads the option shape', async () => {
    const { container } = employer([
      { id: 'e1', name: '孙七', id_number_masked: '1101**********002X', status: 'confirmed' },
      { value: 'e2', label: '周八', status: 'registered' },
    ]);
    await waitFor(() => roster());
    expect([...roster().querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['姓名', '证件号码', '状态']);
    expect(rows()).toEqual([
      ['e1', 'confirmed', ['孙七', '1101**********002X', ZH.confirmed]],
      ['e2', 'registered', ['周八', '', ZH.registered]],
    ]);
    await expectNoAxeViolations(container);
  });

  it('still lists an employee whose status it has no words for, as not submittable', async () => {
    employer([...THREE, { id: 'e9', name: '王九', status: 'unconfirmed' }, { name: 'no id' }, 'nonsense'], 'en');
    await waitFor(() => roster());
    expect(rows().at(-1)).toEqual(['e9', 'unconfirmed', ['王九', 'Status not known: cannot be submitted yet']]);
    expect(rows()).toHaveLength(4);
    expect(text('employee-roster-summary')).toBe('4 employees: 1 can be submitted, 2 waiting to confirm.');
  });

  it('says when everyone has been submitted already', async () => {
    employer(THREE.map((e) => ({ ...e, status: 'submitted' })));
    await waitFor(() => roster());
    expect(text('employee-roster-none')).toBe(MESSAGES.zh.roster.allSubmitted);
    expect(text('employee-roster-summary')).toBe('共 3 名职工：0 名可提交，0 名待确认，3 名已提交。');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`says when the agency listed nobody, or no list came from it (${lang})`, async () => {
      const t = MESSAGES[lang];
      const first = employer([], lang);
      await waitFor(() => roster());
      expect(text('employee-roster-summary')).toBe(t.roster.empty);
      expect(roster().querySelector('table')).toBeNull();
      await expectNoAxeViolations(first.container);
      first.unmount();

      const second = employer(undefined, lang);
      await waitFor(() => roster());
      expect(text('employee-roster-summary')).toBe(t.roster.noList);
      expect(roster().querySelector('table')).toBeNull();
      await expectNoAxeViolations(second.container);
    });
  }

  it('is only on the step that chooses the employees, and stays as one is chosen', async () => {
    const { backend } = employer(EMPLOYEES);
    await waitFor(() => roster());
    await fireEvent.click(byId('f-submit-employees'));
    await waitFor(() =>
      expect(backend.argsOf('case_answer').at(-1)).toEqual({ id: 'c1', path: 'submit.employees', value: ['emp-0001'] }),
    );
    await waitFor(() => expect(stepItems()[1]!.classList.contains('complete')).toBe(true));
    expect(rows()).toHaveLength(4);

    await fireEvent.click(byId('wizard-back'));
    await waitFor(() => expect(heading()).toBe('基本信息'));
    expect(document.querySelector('#employee-roster')).toBeNull();
    await fireEvent.click(byId('wizard-continue'));
    await waitFor(() => expect(heading()).toBe('选择职工'));
    expect(rows()).toHaveLength(4);
  });

  it('is shown in elderly mode too, with the question', async () => {
    const { container } = employer(THREE, 'zh', true);
    await waitFor(() => expect(heading()).toBe('选择职工'));
    expect(container.querySelector('.wizard')?.getAttribute('data-elderly')).toBe('true');
    expect(rows()).toHaveLength(3);
    expect(formFields()).toEqual(['submit.employees']);
    await expectNoAxeViolations(container);
  });
});
