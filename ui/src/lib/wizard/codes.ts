// Code lists (ethnic groups, occupations, districts) do not change while the app runs: each is
// read from Rust once and shared by every field that offers it.
import type { CodeItem } from '../../bindings/CodeItem';
import type { CodeList } from '../../bindings/CodeList';

const cache = new Map<CodeList, Promise<CodeItem[]>>();

export function loadCodeList(list: CodeList, read: (list: CodeList) => Promise<CodeItem[]>): Promise<CodeItem[]> {
  let found = cache.get(list);
  if (!found) {
    found = read(list);
    // A failed read is tried again next time.
    found.catch(() => cache.delete(list));
    cache.set(list, found);
  }
  return found;
}

/** For tests: forget what was read. */
export function clearCodeLists(): void {
  cache.clear();
}

/** The items a typed filter finds (part of a name in any language, the start of a code), and the
 *  chosen one whatever is typed. */
export function matching(items: readonly CodeItem[], filter: string, chosen: string): readonly CodeItem[] {
  const f = filter.trim().toLowerCase();
  if (f === '') return items;
  return items.filter((i) => i.code === chosen || i.zh.includes(f) || i['zh-Hant'].includes(f) || i.en.toLowerCase().includes(f) || i.code.startsWith(f));
}
