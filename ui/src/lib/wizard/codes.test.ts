// Code lists without a page: read once and shared, read again after a failure; what a filter finds.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodeItem } from '../../bindings/CodeItem';
import { AREA_LISTS } from '../../test/fixtures';
import { localized } from '../../test/localized';
import { clearCodeLists, loadCodeList, matching } from './codes';

beforeEach(() => clearCodeLists());

describe('code lists', () => {
  it('reads each list once, and again after a failed read', async () => {
    const districts = AREA_LISTS.beijing_districts!;
    const read = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(districts);
    await expect(loadCodeList('beijing_districts', read)).rejects.toThrow('gone');
    expect(await loadCodeList('beijing_districts', read)).toBe(districts);
    expect(await loadCodeList('beijing_districts', read)).toBe(districts);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('finds items by part of a name in any language or the start of a code, and keeps the chosen one', () => {
    const items: CodeItem[] = [
      { code: '01', ...localized('汉族', 'Han') },
      { code: '02', ...localized('蒙古族', 'Mongol') },
      { code: '12', ...localized('藏族', 'Tibetan') },
    ];
    const codes = (filter: string, chosen = '') => matching(items, filter, chosen).map((i) => i.code);
    expect(codes(' ')).toEqual(['01', '02', '12']);
    expect(codes('蒙古')).toEqual(['02']);
    expect(codes('漢')).toEqual(['01']);
    expect(codes('TIB')).toEqual(['12']);
    expect(codes('0')).toEqual(['01', '02']);
    expect(codes('汉', '12')).toEqual(['01', '12']);
  });
});
