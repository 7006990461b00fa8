// The employer's roster: every employee the agency lists, with their status in words.
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { byId, expectNoAxeViolations } from '../../test/helpers';
import { MESSAGES } from '../i18n';
import EmployeeRoster from './EmployeeRoster.svelte';
import { app } from '../app.svelte';

const EMPLOYEES = [
  { id: 'emp-0001', name: '孙立伟', status: 'confirmed' },
  { id: 'emp-0002', name: '周敏', status: 'registered' },
  { id: 'emp-0003', name: '吴昊', status: 'registered' },
  { id: 'emp-0004', name: '郑十', status: 'submitted' },
];

describe('employee roster', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`lists every employee with their status in words (${lang})`, async () => {
      const t = MESSAGES[lang];
      app.lang = lang;
      const { container } = render(EmployeeRoster, { employees: EMPLOYEES });
      const rows = [...container.querySelectorAll<HTMLTableRowElement>('tbody tr')];
      expect(rows.map((r) => [r.dataset.employee, r.dataset.status])).toEqual(EMPLOYEES.map((e) => [e.id, e.status]));
      expect(rows[1]!.textContent).toContain('周敏');
      expect(rows[1]!.textContent).toContain(t.roster.statuses.registered);
      expect(container.querySelector('caption')?.textContent).toBe(t.roster.caption);
      expect(container.querySelectorAll('th[scope=col]')).toHaveLength(2);
      expect(byId('employee-roster-summary').textContent).toBe(t.roster.summary(4, 1, 2, 1));
      expect(container.textContent).not.toContain(t.roster.noneConfirmed);
      await expectNoAxeViolations(container);
    });
  }

  it('says what to do when nobody has confirmed yet', async () => {
    const waiting = EMPLOYEES.map((e) => ({ ...e, status: 'registered' }));
    app.lang = 'zh';
    const { container } = render(EmployeeRoster, { employees: waiting });
    expect(container.textContent).toContain(MESSAGES.zh.roster.noneConfirmed);
    await expectNoAxeViolations(container);
  });

  it('shows no table without a list from the agency, and says so', () => {
    app.lang = 'zh';
    const { container } = render(EmployeeRoster, { employees: null });
    expect(container.querySelector('table')).toBeNull();
    expect(container.textContent).toContain(MESSAGES.zh.roster.noList);
  });
});
