/**
 * The case list's data: a search (by name, ID-number tail or phone) and a status filter, the cases
 * found a page at a time ("load more"), and whether the store had to salvage them. Typing searches
 * after a short pause; answers that arrive out of order (typing fast, then "load more") are
 * dropped, only the latest request's is shown. No DOM here.
 */
import type { CaseSummary } from '../../bindings/CaseSummary';
import type { Query } from '../../bindings/Query';
import type { Salvaged } from '../../bindings/Salvaged';
import type { Status } from '../../bindings/Status';
import { listCases, toIpcError, type IpcError } from '../ipc';

/** Long enough to type a few characters in one go, short enough to feel immediate. */
export const SEARCH_DELAY_MS = 200;

/** Cases per page ("load more" adds as many): a screenful and some, as the portals page by 20;
 *  the search finds the rest. Each row shown costs the page memory. */
export const PAGE = 20;

export class CaseListing {
  text = $state('');
  status = $state<Status | ''>('');

  cases = $state<CaseSummary[]>([]);
  total = $state(0);
  /** Whether the shown cases answer a search or filter (which empty-state text applies). */
  shownFiltered = $state(false);
  loaded = $state(false);
  loading = $state(false);
  error = $state<IpcError | null>(null);
  /** Set when the store is damaged where the list is kept (Rust read the cases back one by one). */
  salvaged = $state<Salvaged | null>(null);

  readonly #handled: (error: IpcError) => boolean;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `handled`: an error another screen shows (a locked store); true when it was taken care of. */
  constructor(handled: (error: IpcError) => boolean) {
    this.#handled = handled;
  }

  /** Whether another page waits. */
  get more(): boolean {
    return this.cases.length < this.total;
  }

  #query(offset: number): Query {
    const q: Query = { limit: PAGE };
    const typed = this.text.trim();
    if (typed !== '') q.text = typed;
    if (this.status !== '') q.status = this.status;
    if (offset > 0) q.offset = offset;
    return q;
  }

  /** Fetches the first page for the current search, or (`more`) the page after the shown cases. */
  async load(more = false): Promise<void> {
    const mine = ++this.#seq;
    const q = this.#query(more ? this.cases.length : 0);
    this.loading = true;
    try {
      const page = await listCases(q);
      if (mine !== this.#seq) return;
      if (more) {
        // A case changed meanwhile can move into the next page: never list it twice.
        const seen = new Set(this.cases.map((c) => c.id));
        this.cases = [...this.cases, ...page.cases.filter((c) => !seen.has(c.id))];
      } else {
        this.cases = page.cases;
      }
      this.total = page.total;
      this.salvaged = page.salvaged ?? null;
      this.shownFiltered = q.text !== undefined || q.status !== undefined;
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (mine !== this.#seq) return;
      const error = toIpcError(e);
      if (!this.#handled(error)) this.error = error;
    } finally {
      if (mine === this.#seq) this.loading = false;
    }
  }

  /** Typing: searches once it pauses. */
  type(text: string): void {
    this.text = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
  }

  /** Searches at once (Enter, the search button, a new filter). */
  search(): Promise<void> {
    clearTimeout(this.#timer);
    return this.load();
  }

  filter(status: Status | ''): Promise<void> {
    this.status = status;
    return this.search();
  }

  /** Clears the search and the filter, and fetches the first page again. */
  showAll(): Promise<void> {
    this.text = '';
    this.status = '';
    return this.search();
  }

  /** A case just created heads the list, even before the store lists it. */
  add(draft: CaseSummary): void {
    if (this.cases.some((c) => c.id === draft.id)) return;
    this.cases = [draft, ...this.cases];
    this.total += 1;
  }

  /** A case deleted: removed here rather than by fetching again, so that "load more" still
   *  starts at the right place. */
  remove(id: string): void {
    this.cases = this.cases.filter((c) => c.id !== id);
    this.total = Math.max(0, this.total - 1);
  }

  /** Leaving: a search that waits is not made. */
  stop(): void {
    clearTimeout(this.#timer);
  }
}
