/**
 * Where the wizard is: the step shown and, in elderly mode, which of its questions (one per page),
 * and where Continue goes back to after a Change link on check answers. Moving shows the page and
 * puts focus where reading starts: the question moved to, else the page's heading.
 */
import { tick } from 'svelte';
import type { CaseView } from '../../bindings/CaseView';
import type { StepState } from '../../bindings/StepState';
import { app } from '../app.svelte';
import { targetId } from './ids';
import { questionPages } from './questions';

export class Navigation {
  /** The step shown (its id). */
  current = $state<string | null>(null);
  /** In elderly mode, the question of the step shown (an index into `pages`). */
  question = $state(0);
  /** Set by a Change link on check answers: where Continue goes back to. */
  returnTo = $state<string | null>(null);

  readonly #view: () => CaseView | null;
  /** Told before each move (the page's errors and the submit dialog go away). */
  readonly #onMove: () => void;

  constructor(view: () => CaseView | null, onMove: () => void) {
    this.#view = view;
    this.#onMove = onMove;
  }

  readonly steps = $derived.by(() => this.#view()?.evaluation.steps.filter((s) => s.visible) ?? []);
  readonly step = $derived<StepState | undefined>(this.steps.find((s) => s.id === this.current) ?? this.steps[0]);
  readonly stepIndex = $derived(this.step ? this.steps.indexOf(this.step) : -1);
  readonly isLast = $derived(this.stepIndex === this.steps.length - 1);
  readonly fields = $derived.by(() => {
    const view = this.#view();
    const step = this.step;
    return view && step ? view.evaluation.fields.filter((f) => f.step === step.id && f.status !== 'hidden') : [];
  });

  // Elderly mode: a form step's questions one per page; otherwise the whole step is one page.
  readonly pages = $derived(
    app.elderly && this.step?.kind === 'form' && this.fields.length > 1 ? questionPages(this.fields) : [this.fields],
  );
  readonly oneByOne = $derived(this.pages.length > 1);
  readonly questionIndex = $derived(Math.min(this.question, this.pages.length - 1));
  readonly shownFields = $derived(this.pages[this.questionIndex] ?? this.fields);
  /** Whether Continue leaves the step: from its last question, or back to where a Change link came from. */
  readonly leaving = $derived(
    this.questionIndex === this.pages.length - 1 || (this.returnTo !== null && this.returnTo !== this.step?.id),
  );

  /** Starts again at `step` (a case just opened). */
  async start(step: string | null): Promise<void> {
    this.current = step;
    this.question = 0;
    this.#onMove();
    await focusHeading();
  }

  /** Shows step `id`: at the question of `path` (and focus on it), else its first or last question. */
  async go(id: string, path?: string, at: 'first' | 'last' = 'first'): Promise<void> {
    this.current = id;
    const found = path ? this.pages.findIndex((p) => p.some((f) => f.path === path)) : -1;
    this.question = found >= 0 ? found : at === 'last' ? this.pages.length - 1 : 0;
    this.#onMove();
    await tick();
    const target = path ? document.getElementById(targetId(path)) : null;
    if (target) target.focus();
    else await focusHeading();
  }

  async goToQuestion(index: number): Promise<void> {
    this.question = index;
    await tick();
    document.getElementById('question-counter')?.focus();
  }

  /** The question before, or the step before at its last question. */
  back(): void {
    if (this.questionIndex > 0) {
      void this.goToQuestion(this.questionIndex - 1);
      return;
    }
    const previous = this.steps[this.stepIndex - 1];
    if (previous) void this.go(previous.id, undefined, 'last');
  }

  /** To a step from the step list. */
  jump(id: string): void {
    this.returnTo = null;
    void this.go(id);
  }

  /** To the question at `path` from check answers; Continue comes back. */
  change(stepId: string, path: string): void {
    this.returnTo = this.step?.id ?? null;
    void this.go(stepId, path);
  }

  /** Where Continue goes once the step is done: back where a Change link came from, or the next
   *  step; null on the last step (which submits). */
  next(): string | null {
    const back = this.returnTo;
    if (back && back !== this.step?.id && this.steps.some((s) => s.id === back)) {
      this.returnTo = null;
      return back;
    }
    return this.isLast ? null : (this.steps[this.stepIndex + 1]?.id ?? null);
  }
}

export async function focusHeading(): Promise<void> {
  await tick();
  document.querySelector<HTMLElement>('#wizard-heading')?.focus();
}
