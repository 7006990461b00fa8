// The wizard's pickers over the fake commands: the province/city/district cascade (region_choices),
// the bank branch search (bank_branches) with its fall-back to typing, and the date input.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldError as EngineError } from '../../bindings/FieldError';
import type { FieldState } from '../../bindings/FieldState';
import { AGENCY_NOT_CONFIGURED, ZHANQIANLU, missingError } from '../../test/fixtures';
import { byId, expectNoAxeViolations, mockBackend, typeInto } from '../../test/helpers';
import type { Lang } from '../i18n';
import { clearCodeLists } from './codes';
import Field from './Field.svelte';
import { app } from '../app.svelte';
import { localized } from '../../test/localized';

function field(over: Partial<FieldState> & Pick<FieldState, 'path' | 'input'>): FieldState {
  return { step: 'step', label: localized('问题', 'Question'), status: 'required', value: null, defaulted: false, ...over };
}

function renderField(props: { field: FieldState; fields?: FieldState[]; lang?: Lang; error?: EngineError }) {
  const backend = mockBackend();
  const onSave = vi.fn();
  const onType = vi.fn();
  const { lang = 'zh', ...rest } = props;
  app.lang = lang;
  const view = render(Field, { ...rest, onSave, onType, onFlush: () => false });
  return { backend, onSave, onType, ...view };
}

const select = (id: string) => byId<HTMLSelectElement>(id);
const labelOf = (id: string) => document.querySelector(`label[for="${id}"]`)?.textContent;
const optionNames = (id: string) => [...select(id).options].map((o) => o.textContent);

async function choose(id: string, value: string): Promise<void> {
  const list = select(id);
  list.value = value;
  await fireEvent.change(list);
}

beforeEach(() => clearCodeLists());

describe('region cascade', () => {
  const district = field({ path: 'residence.district', input: 'region', label: localized('常住地区', 'Area where you live') });
  const ID = 'f-residence-district';

  it('opens where the saved answer is, each list labelled, in a group named by the question', async () => {
    const { backend, container } = renderField({ field: { ...district, value: '440106' } });
    await waitFor(() => expect(select(`${ID}-district`).value).toBe('440106'));
    expect(backend.argsOf('region_choices')).toEqual([{ code: '440106', province: null, city: null }]);
    expect(select(ID).value).toBe('440000');
    expect(select(`${ID}-city`).value).toBe('440100');
    expect(optionNames(`${ID}-district`)).toEqual(['请选择', '越秀区', '天河区']);

    const group = select(ID).closest('fieldset')!;
    expect(group.querySelector('legend')?.textContent).toBe('常住地区');
    expect([labelOf(ID), labelOf(`${ID}-city`), labelOf(`${ID}-district`)]).toEqual(['省', '市', '区县']);
    await expectNoAxeViolations(container);
  });

  it('says the levels in English', async () => {
    const { container } = renderField({ field: { ...district, value: '110105' }, lang: 'en' });
    await waitFor(() => expect(select(`${ID}-district`).value).toBe('110105'));
    expect(select(ID).closest('fieldset')?.querySelector('legend')?.textContent).toBe('Area where you live');
    expect([labelOf(ID), labelOf(`${ID}-city`), labelOf(`${ID}-district`)]).toEqual([
      'Province',
      'City',
      'District or county',
    ]);
    await expectNoAxeViolations(container);
  });

  it('goes down one level at a time and saves the district’s code as a string', async () => {
    const { backend, onSave } = renderField({ field: district });
    await waitFor(() => select(ID));
    expect(backend.argsOf('region_choices')).toEqual([{ code: null, province: null, city: null }]);
    expect(document.getElementById(`${ID}-city`)).toBeNull();

    await choose(ID, '440000');
    await waitFor(() => expect(optionNames(`${ID}-city`)).toEqual(['请选择', '广州市', '深圳市']));
    expect(backend.argsOf('region_choices').at(-1)).toEqual({ code: null, province: 440000, city: null });
    expect(document.getElementById(`${ID}-district`)).toBeNull();

    await choose(`${ID}-city`, '440100');
    await waitFor(() => expect(optionNames(`${ID}-district`)).toEqual(['请选择', '越秀区', '天河区']));
    await choose(`${ID}-district`, '440106');
    expect(onSave).toHaveBeenCalledWith('residence.district', '440106');
    expect(typeof onSave.mock.calls.at(-1)![1]).toBe('string');
  });

  it('clears the city, the district and the saved answer when the province changes', async () => {
    const { onSave } = renderField({ field: { ...district, value: '440106' } });
    await waitFor(() => expect(select(`${ID}-district`).value).toBe('440106'));
    await choose(ID, '110000');
    expect(onSave).toHaveBeenCalledWith('residence.district', null);
    // Beijing is its own only city: it is chosen at once, and its districts are offered.
    await waitFor(() => expect(optionNames(`${ID}-district`)).toEqual(['请选择', '东城区', '朝阳区']));
    expect(select(`${ID}-city`).value).toBe('110000');
    expect(select(`${ID}-district`).value).toBe('');
    await choose(`${ID}-district`, '110105');
    expect(onSave).toHaveBeenLastCalledWith('residence.district', '110105');
  });

  it('links its error to the group and marks the lists', async () => {
    const error = missingError('residence.district', '常住地区', 'area where you live');
    const { container } = renderField({ field: district, error });
    await waitFor(() => select(ID));
    const group = select(ID).closest('fieldset')!;
    expect(group.getAttribute('aria-describedby')).toBe(`${ID}-error`);
    expect(byId(`${ID}-error`).textContent).toContain('请填写常住地区');
    expect(select(ID).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(container);
  });

  it('shows a locked answer as a value', () => {
    renderField({ field: { ...district, value: '110105', status: 'locked', reason: localized('来自证件', 'From the ID') } });
    expect(byId(ID).tagName).toBe('P');
    expect(byId(ID).textContent).toBe('110105');
    expect(document.querySelector('select')).toBeNull();
  });
});

describe('a locked list', () => {
  it('names each item by its option, one per line, not as data', async () => {
    const cards = field({
      path: 'cleanup.cards',
      input: 'multi-choice',
      status: 'locked',
      value: ['c1', 'c2'],
      reason: localized('所有可清理的社保卡默认全部选中', 'Every card that can be cleaned up is chosen'),
      options: [
        { value: 'c1', label: localized('深圳市 中国银行 6217********0123', 'Shenzhen, Bank of China, 6217********0123') },
        { value: 'c2', label: localized('佛山市 中国工商银行 6228********0456', 'Foshan, ICBC, 6228********0456') },
      ],
    });
    const { container } = renderField({ field: cards });
    const list = byId('f-cleanup-cards');
    expect(list.tagName).toBe('UL');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '深圳市 中国银行 6217********0123',
      '佛山市 中国工商银行 6228********0456',
    ]);
    expect(container.textContent).not.toContain('["c1"');
    await expectNoAxeViolations(container);
  });
});

describe('branch picker', () => {
  const branch = field({ path: 'bank.branch', input: 'branch', list: 'beijing_districts', label: localized('办卡网点', 'Bank branch') });
  const bank = field({ path: 'bank.name', input: 'text', label: localized('发卡行名称', 'Card-issuing bank') });
  const ID = 'f-bank-branch';
  const radios = () => [...document.querySelectorAll<HTMLInputElement>(`input[name="${ID}-branch"]`)];
  const count = () => byId(`${ID}-count`).textContent?.trim();

  it('lists a district’s branches, searches them by pinyin initials, and announces how many', async () => {
    const { backend, container } = renderField({ field: branch, fields: [bank, branch] });
    await waitFor(() => select(`${ID}-district`));
    expect(labelOf(`${ID}-district`)).toBe('网点所在的区');
    expect(optionNames(`${ID}-district`)).toEqual(['请选择', '东城区', '朝阳区']);
    expect(byId(ID).tagName).toBe('FIELDSET');
    expect(byId(ID).querySelector('legend')?.textContent).toBe('办卡网点');
    expect(byId(`${ID}-count`).getAttribute('aria-live')).toBe('polite');

    await choose(`${ID}-district`, '110105');
    await waitFor(() => expect(radios()).toHaveLength(3));
    expect(backend.argsOf('bank_branches')).toEqual([{ region: '110105', q: '' }]);
    expect(count()).toBe('找到 3 个网点');
    expect(container.querySelector('.sample')?.textContent).toContain('示例数据');
    expect(labelOf(`${ID}-search`)).toBe('搜索网点：名称、地址或拼音首字母');
    await expectNoAxeViolations(container);

    // Typing waits for a pause: one request for the three letters.
    await typeInto(`${ID}-search`, 'z');
    await typeInto(`${ID}-search`, 'zq');
    await typeInto(`${ID}-search`, 'zql');
    await waitFor(() => expect(radios()).toHaveLength(1));
    expect(backend.argsOf('bank_branches')).toEqual([
      { region: '110105', q: '' },
      { region: '110105', q: 'zql' },
    ]);
    expect(count()).toBe('找到 1 个网点');
    const [found] = radios();
    expect(found!.value).toBe(ZHANQIANLU.id);
    expect(found!.labels?.[0]?.textContent).toBe(ZHANQIANLU.name);
    const details = byId(found!.getAttribute('aria-describedby')!).textContent;
    expect(details).toContain('中国工商银行');
    expect(details).toContain(ZHANQIANLU.address);
    expect(details).toContain(ZHANQIANLU.phone);

    await typeInto(`${ID}-search`, '没有这样的网点');
    await waitFor(() => expect(count()).toBe('没有找到网点。请换个关键词，或清空搜索框查看全部网点。'));
    expect(radios()).toHaveLength(0);
  });

  it('searches at once on Enter, without submitting the wizard’s form', async () => {
    const { backend } = renderField({ field: branch });
    await waitFor(() => select(`${ID}-district`));
    await choose(`${ID}-district`, '110105');
    await waitFor(() => byId(`${ID}-search`));
    byId<HTMLInputElement>(`${ID}-search`).value = 'rml';
    const notPrevented = await fireEvent.keyDown(byId(`${ID}-search`), { key: 'Enter' });
    expect(notPrevented).toBe(false);
    expect(backend.argsOf('bank_branches').at(-1)).toEqual({ region: '110105', q: 'rml' });
    await waitFor(() => expect(radios().map((r) => r.value)).toEqual(['abc-110105-1']));
  });

  it('saves the chosen branch, and the bank, phone and address beside it that can be changed', async () => {
    const gd = { ...branch, list: 'guangdong_cities' as const };
    const phone = field({ path: 'bank.branch_phone', input: 'text', status: 'optional' });
    const address = field({ path: 'bank.branch_address', input: 'text', status: 'locked' });
    const { onSave } = renderField({ field: gd, fields: [bank, gd, phone, address] });
    await waitFor(() => select(`${ID}-district`));
    expect(labelOf(`${ID}-district`)).toBe('网点所在城市');
    await choose(`${ID}-district`, '4401');
    await waitFor(() => expect(radios()).toHaveLength(1));
    await fireEvent.click(radios()[0]!);
    expect(onSave.mock.calls).toEqual([
      ['bank.branch', '中国建设银行广州站前路支行（示例）'],
      ['bank.name', '中国建设银行'],
      ['bank.branch_phone', '400-000-0101'],
    ]);
  });

  it('saves only the branch when it is not told about the fields beside it', async () => {
    const { onSave } = renderField({ field: branch });
    await waitFor(() => select(`${ID}-district`));
    await choose(`${ID}-district`, '110105');
    await waitFor(() => expect(radios()).toHaveLength(3));
    await fireEvent.click(radios()[0]!);
    expect(onSave.mock.calls).toEqual([['bank.branch', ZHANQIANLU.name]]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`offers the named bank’s branches first, and all banks’ on request (${lang})`, async () => {
      const named = { ...bank, value: '中国工商银行' };
      const { container } = renderField({ field: branch, fields: [named, branch], lang });
      await waitFor(() => select(`${ID}-district`));
      await choose(`${ID}-district`, '110105');
      await waitFor(() => expect(radios()).toHaveLength(2));
      expect(radios().map((r) => r.value)).toEqual(['icbc-110105-1', 'icbc-110105-2']);
      expect(count()).toBe(lang === 'zh' ? '找到 2 个网点' : '2 branches found');
      expect(container.querySelector('.bank-filter')?.textContent).toContain(
        lang === 'zh' ? '只列出“中国工商银行”的网点' : 'Only branches of 中国工商银行 are listed',
      );
      await expectNoAxeViolations(container);

      const toggle = byId(`${ID}-all-banks`);
      expect(toggle.textContent?.trim()).toBe(lang === 'zh' ? '显示所有银行的网点' : 'Show branches of every bank');
      await fireEvent.click(toggle);
      expect(radios()).toHaveLength(3);
      expect(count()).toBe(lang === 'zh' ? '找到 3 个网点' : '3 branches found');
      expect(toggle.textContent?.trim()).toBe(
        lang === 'zh' ? '只显示“中国工商银行”的网点' : 'Show only branches of 中国工商银行',
      );
      await expectNoAxeViolations(container);
    });
  }

  it('shows a chosen branch, and offers to choose again', async () => {
    const { container } = renderField({ field: { ...branch, value: ZHANQIANLU.name } });
    await waitFor(() => byId(`${ID}-change`));
    expect(container.querySelector('.chosen')?.textContent).toBe(`已选：${ZHANQIANLU.name}`);
    expect(document.getElementById(`${ID}-district`)).toBeNull();
    await expectNoAxeViolations(container);
    await fireEvent.click(byId(`${ID}-change`));
    await waitFor(() => expect(document.activeElement).toBe(byId(`${ID}-district`)));
    await choose(`${ID}-district`, '110105');
    await waitFor(() => expect(radios()).toHaveLength(3));
    expect(radios()[0]!.checked).toBe(true);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`falls back to typing the branch when no agency is set up (${lang})`, async () => {
      const { backend, onType, container } = renderField({ field: branch, fields: [bank, branch], lang });
      backend.fail.bank_branches = AGENCY_NOT_CONFIGURED;
      await waitFor(() => select(`${ID}-district`));
      await choose(`${ID}-district`, '110105');
      // The group gives way to a text input once the agency has answered.
      const input = await waitFor(() => {
        const found = byId<HTMLInputElement>(ID);
        expect(found.tagName).toBe('INPUT');
        return found;
      });
      expect(input.labels?.[0]?.textContent).toBe(lang === 'zh' ? '办卡网点' : 'Bank branch');
      const note = byId(`${ID}-unavailable`);
      expect(note.textContent).toContain(lang === 'zh' ? AGENCY_NOT_CONFIGURED.message.zh : AGENCY_NOT_CONFIGURED.message.en);
      expect(note.textContent).toContain(lang === 'zh' ? '请直接在下面填写。' : 'Type it in below instead.');
      expect(input.getAttribute('aria-describedby')).toBe(`${ID}-unavailable`);
      await expectNoAxeViolations(container);
      await typeInto(ID, '站前路支行');
      expect(onType).toHaveBeenCalledWith('bank.branch', '站前路支行');
    });
  }

  it('lands the error summary’s link on the group, and links its error', async () => {
    const error = missingError('bank.branch', '办卡网点', 'bank branch');
    renderField({ field: branch, error });
    await waitFor(() => select(`${ID}-district`));
    const group = byId(ID);
    expect(group.getAttribute('aria-describedby')).toBe(`${ID}-error`);
    group.focus();
    expect(document.activeElement).toBe(group);
  });
});

describe('date', () => {
  const birth = field({ path: 'applicant.birth_date', input: 'date', label: localized('出生日期', 'Date of birth') });
  const ID = 'f-applicant-birth_date';

  it('says the format and gives back what it was given', async () => {
    const { onSave, container } = renderField({ field: { ...birth, value: '1988-03-15' } });
    const input = byId<HTMLInputElement>(ID);
    expect(input.type).toBe('date');
    expect(input.value).toBe('1988-03-15');
    expect(input.labels?.[0]?.textContent).toBe('出生日期');
    expect(input.getAttribute('aria-describedby')).toBe(`${ID}-hint`);
    expect(byId(`${ID}-hint`).textContent).toBe('按“年-月-日”填写，例如 2016-05-01');
    await expectNoAxeViolations(container);

    input.value = '2016-05-01';
    await fireEvent.change(input);
    expect(onSave).toHaveBeenLastCalledWith('applicant.birth_date', '2016-05-01');
    input.value = '';
    await fireEvent.change(input);
    expect(onSave).toHaveBeenLastCalledWith('applicant.birth_date', null);
  });
});
