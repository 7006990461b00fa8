// What a documents step reads off the case, with no DOM: whether a document's picture is stored,
// whether the engine still misses it, whether it was used despite advice, the check stored with
// it, and whether the flow offers a default picture for it.
import type { CaseView } from '../../bindings/CaseView';
import type { DocumentKind } from '../../bindings/DocumentKind';
import type { PhotoCheck } from '../../bindings/PhotoCheck';

const checksOf = (view: CaseView, kind: DocumentKind): unknown => view.documents.find((d) => d.kind === kind)?.checks;

export function isStored(view: CaseView, kind: DocumentKind): boolean {
  return view.documents.some((d) => d.kind === kind);
}

/** Done: stored, and nothing the agency would refuse (the engine's errors say). */
export function isDone(view: CaseView, kind: DocumentKind): boolean {
  return !view.evaluation.missing_documents.includes(kind) && !view.evaluation.errors.some((e) => e.field === `documents.${kind}`);
}

/** The person chose to use the stored picture despite its advisory findings. */
export function isAccepted(view: CaseView, kind: DocumentKind): boolean {
  return (checksOf(view, kind) as { accepted?: unknown } | null | undefined)?.accepted === true;
}

/** The stored check (DocumentInfo.checks) when it has the shape the check gives. */
export function storedCheck(view: CaseView, kind: DocumentKind): PhotoCheck | null {
  const checks = checksOf(view, kind);
  if (checks && typeof checks === 'object' && Array.isArray((checks as PhotoCheck).problems)) return checks as PhotoCheck;
  return null;
}

/** The flow offers the document's default picture now: a question standing for it is asked
 *  (bj-minor's cartoon photo for a child under 7). */
export function defaultOffered(view: CaseView, kind: DocumentKind): boolean {
  return view.evaluation.fields.some((f) => f.default_document === kind && f.status !== 'hidden');
}
