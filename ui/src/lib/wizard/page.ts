// What the wizard reads off the engine's evaluation to draw a page: where a case opens, which
// errors belong to the page shown, which steps to look at again. Pure functions: no state, no DOM.
import type { Evaluation } from '../../bindings/Evaluation';
import type { FieldError as EngineError } from '../../bindings/FieldError';
import type { FieldState } from '../../bindings/FieldState';
import type { StepState } from '../../bindings/StepState';
import type { FieldError } from '../errors';
import { pick, words } from '../i18n';
import { targetId } from './ids';

/** Where a case opens: the first step not complete, else check answers, else the last. */
export function firstStep(evaluation: Evaluation): string | null {
  const shown = evaluation.steps.filter((s) => s.visible);
  const open = shown.find((s) => !s.complete && s.kind !== 'check-answers');
  return (open ?? shown.find((s) => s.kind === 'check-answers') ?? shown[shown.length - 1])?.id ?? null;
}

/** The engine's errors about the `shown` fields, then the agency's about SMS codes (`sms`) where
 *  the engine has none. */
export function fieldErrors(evaluation: Evaluation, sms: readonly EngineError[], shown: readonly FieldState[]): EngineError[] {
  const paths = new Set(shown.map((f) => f.path));
  const engine = evaluation.errors.filter((e) => paths.has(e.field));
  return [...engine, ...sms.filter((e) => paths.has(e.field) && !engine.some((g) => g.field === e.field))];
}

/** The errors about the page: its fields' (in elderly mode, its question's), on a documents step
 *  its documents', and on the last check-answers page every error that keeps the case from going. */
export function pageErrors(
  evaluation: Evaluation,
  step: StepState,
  isLast: boolean,
  sms: readonly EngineError[],
  shown: readonly FieldState[],
): EngineError[] {
  if (step.kind === 'documents') return evaluation.errors.filter((e) => e.field.startsWith('documents.'));
  if (step.kind === 'check-answers') return isLast && !evaluation.ready ? evaluation.errors : [];
  return fieldErrors(evaluation, sms, shown);
}

/** The error summary's lines: linked to their inputs, or on check answers, where the fields are
 *  on other pages, said in words with each field's name. */
export function summaryLines(step: StepState, errors: readonly EngineError[]): FieldError[] {
  if (step.kind !== 'check-answers') {
    return errors.map((e) => ({ field: targetId(e.field), message: e.message }));
  }
  return [
    { message: words((t) => t.wizard.notReady) },
    ...errors.map((e) => ({ message: words((t, lang) => t.wizard.fieldProblem(pick(lang, e.label), pick(lang, e.message))) })),
  ];
}

/** The steps with questions that changed since the draft's flow version (SPEC: ask again), each
 *  with its first such question. */
export function revisitSteps(evaluation: Evaluation, steps: readonly StepState[]): { step: StepState; path: string }[] {
  const changed = evaluation.fields.filter((f) => f.status !== 'hidden' && evaluation.revisit.includes(f.path));
  return steps.flatMap((s) => {
    const first = changed.find((f) => f.step === s.id);
    return first ? [{ step: s, path: first.path }] : [];
  });
}

/** Whether `s` is a complete step the agency is asked after, or any step after one. */
export function afterAsk(evaluation: Evaluation, steps: readonly StepState[], s: StepState): boolean {
  const at = steps.indexOf(s);
  return evaluation.agency.some((a) => {
    const asked = steps.findIndex((x) => x.id === a.step);
    return asked >= 0 && (at > asked || (at === asked && s.complete));
  });
}

/** The agency has looked up the field's receipt number and holds a photo (no refusal there). */
export function photoFound(evaluation: Evaluation, field: FieldState): boolean {
  if (typeof field.value !== 'string' || field.value.trim() === '') return false;
  const asking = evaluation.agency.some((a) => a.step === field.step && a.due);
  return !asking && !evaluation.errors.some((e) => e.field === field.path);
}
