// The start screen, through the whole app: situations grouped by place, only the flows the engine
// ships, the retiree's turning elderly mode on, and the drafts to carry on with.
import { fireEvent, render, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { CaseSummary } from '../bindings/CaseSummary';
import type { FlowTitle } from '../bindings/FlowTitle';
import { ALL_FLOWS, CASES, FLOWS, WORDS, summary } from '../test/fixtures';
import { byId, expectNoAxeViolations, localTime, mockBackend, waitForCases } from '../test/helpers';
import { localized } from '../test/localized';

async function openStart(options: { flows?: FlowTitle[]; cases?: CaseSummary[] } = {}) {
  const backend = mockBackend({ flows: options.flows ?? ALL_FLOWS, cases: options.cases ?? CASES });
  const view = render(App);
  await waitForCases();
  await fireEvent.click(byId('new-case'));
  await waitFor(() => expect(document.querySelectorAll('input[name="new-flow"]').length).toBeGreaterThan(0));
  return { backend, ...view };
}

const radio = (flow: string) => document.querySelector<HTMLInputElement>(`input[name="new-flow"][value="${flow}"]`)!;
/** Each place's name and the titles of its situations, as shown. */
const places = () =>
  [...document.querySelectorAll<HTMLFieldSetElement>('#new-case-panel fieldset[data-place]')].map((group) => [
    group.querySelector('legend')?.textContent,
    [...group.querySelectorAll<HTMLInputElement>('input[name="new-flow"]')].map((r) => r.labels?.[0]?.textContent),
  ]);
/** What the screen reader reads after a situation's title. */
const description = (flow: string) =>
  radio(flow)
    .getAttribute('aria-describedby')!
    .split(' ')
    .map((id) => byId(id).textContent?.trim())
    .join(' ');

describe('start screen', () => {
  it('offers situations in plain words, grouped by place, each saying who it is for', async () => {
    const { container } = await openStart();
    expect(places()).toEqual([
      [
        '北京市',
        [
          '为本人申请',
          '为孩子代办（18岁以下）',
          '我已退休（长者版）',
          '单位经办人：开通单位集体申领',
          '单位经办人：提交职工名单',
          '职工：确认单位集体申领的个人信息',
        ],
      ],
      ['广东省', ['为本人申请', '为未成年子女申请', '一人一卡清理（已有多张社保卡）']],
    ]);
    // The ids the end-to-end test uses.
    expect(radio('gd-card-cleanup').id).toBe('new-flow-gd-card-cleanup');
    expect(description('bj-minor')).toBe('父母或其他监护人为18岁以下的孩子代办，用孩子的身份证或户口本。');
    expect(description('bj-retiree')).toContain('将以长者模式（大字）打开');
    // Every situation has its icon, hidden from screen readers (the title says it all).
    const cards = container.querySelectorAll('.situation');
    expect(cards).toHaveLength(9);
    for (const card of cards) expect(card.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(places()).toEqual([
      [
        'Beijing',
        [
          'Apply for yourself',
          'For your child (under 18)',
          'I am retired (large-text mode)',
          'Employer’s designated person: open collective applications',
          'Employer’s designated person: send the list of employees',
          'Employee: confirm your details for your employer’s collective application',
        ],
      ],
      [
        'Guangdong',
        ['Apply for yourself', 'For your child (under 18)', 'One person, one card: clear extra cards (you already have several)'],
      ],
    ]);
    expect(description('bj-retiree')).toContain('Opens in large-text mode');
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  it('offers only the flows the engine ships; one no situation describes comes last, by its title', async () => {
    // A jurisdiction is a Rust type first (banka-flows jurisdiction.rs): this flow is one of Beijing's.
    const other: FlowTitle = { id: 'sh-individual', jurisdiction: 'beijing', title: localized('上海本人申领', 'Apply in Shanghai'), elderly: false, words: WORDS, continues: null };
    const { container } = await openStart({ flows: [...FLOWS, other] });
    expect(places()).toEqual([
      ['北京市', ['为本人申请', '为孩子代办（18岁以下）', '我已退休（长者版）']],
      ['其他事项', ['上海本人申领']],
    ]);
    expect(radio('sh-individual').getAttribute('aria-describedby')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('asks for a choice, linking the error to the first situation', async () => {
    const { backend, container } = await openStart();
    await fireEvent.click(byId('new-case-start'));
    const box = await waitFor(() => byId('new-case-errors'));
    expect(box.querySelector('a')?.getAttribute('href')).toBe('#new-flow-bj-individual');
    expect(byId('new-flow-error').textContent).toContain('请选择要办理的事项');
    expect(backend.argsOf('case_new')).toEqual([]);
    await expectNoAxeViolations(container);
  });

  it('opens the retiree’s application in elderly mode, saved as the toggle saves it', async () => {
    const { backend } = await openStart();
    expect(document.documentElement.classList.contains('elderly')).toBe(false);
    await fireEvent.click(radio('bj-retiree'));
    await fireEvent.click(byId('new-case-start'));
    await waitFor(() => expect(backend.argsOf('case_new')).toEqual([{ flow: 'bj-retiree' }]));
    await waitFor(() => expect(document.documentElement.classList.contains('elderly')).toBe(true));
    expect(byId('elderly-toggle').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(backend.settings.elderly).toBe(true));
    await waitFor(() => byId('wizard-heading'));
  });

  it('leaves elderly mode as it is for the other situations', async () => {
    const { backend } = await openStart();
    await fireEvent.click(radio('gd-individual'));
    await fireEvent.click(byId('new-case-start'));
    await waitFor(() => expect(backend.argsOf('case_new')).toEqual([{ flow: 'gd-individual' }]));
    await waitFor(() => byId('wizard-heading'));
    expect(document.documentElement.classList.contains('elderly')).toBe(false);
    expect(backend.argsOf('settings_set')).toEqual([]);
  });

  it('offers the three drafts changed last to carry on with, and opens one', async () => {
    const drafts = [
      summary({ id: 'd1', updated_at: '2026-11-21T09:00:00Z', applicant_name: '赵六', flow_id: 'bj-minor' }),
      summary({ id: 'd2', updated_at: '2026-11-21T08:00:00Z' }),
      summary({ id: 'd3', updated_at: '2026-11-20T08:00:00Z', applicant_name: '钱七', flow_id: 'gd-individual' }),
      summary({ id: 'd4', updated_at: '2026-11-19T08:00:00Z', applicant_name: '孙八' }),
    ];
    const { backend, container } = await openStart({ cases: [CASES[0]!, ...drafts] });
    const resume = await waitFor(() => byId('resume'));
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { status: 'draft', limit: 3 } });
    expect(within(resume).getByRole('heading', { level: 2 }).textContent).toBe('继续填写');
    // Above the choices.
    expect(resume.compareDocumentPosition(radio('bj-individual')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const items = [...resume.querySelectorAll<HTMLLIElement>('li')];
    expect(items.map((li) => li.dataset.caseId)).toEqual(['d1', 'd2', 'd3']);
    expect(items[0]!.textContent).toContain('赵六');
    expect(items[0]!.textContent).toContain('为18岁以下孩子代办');
    expect(items[0]!.textContent).toContain(`最后修改：${localTime('2026-11-21T09:00:00Z')}`);
    expect(items[1]!.textContent).toContain('未填写姓名');
    const open = items[2]!.querySelector('button')!;
    expect(open.textContent).toBe(`继续填写：钱七，社保卡申领（本人申领），${localTime('2026-11-20T08:00:00Z')}`);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(within(resume).getByRole('heading', { level: 2 }).textContent).toBe('Continue where you left off');
    expect(items[1]!.textContent).toContain('No name yet');
    await expectNoAxeViolations(container);

    await fireEvent.click(open);
    await waitFor(() => expect(backend.argsOf('case_open')).toEqual([{ id: 'd3' }]));
    await waitFor(() => byId('wizard-heading'));
  });

  it('offers no drafts when there are none', async () => {
    const { backend } = await openStart({ cases: [CASES[0]!] });
    await waitFor(() => expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { status: 'draft', limit: 3 } }));
    expect(document.getElementById('resume')).toBeNull();
  });
});
