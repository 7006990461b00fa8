import type { DocumentKind } from '../bindings/DocumentKind';
import type { FlowTitle } from '../bindings/FlowTitle';
import type { Localized } from '../bindings/Localized';
import documentLabels from '../bindings/document-labels.json';
import { pick, type Lang } from './i18n';

/** Each document kind as Rust names it (written with the bindings), so the upload page says
 *  what findings and check answers say. */
const DOCUMENT_LABELS: Record<DocumentKind, Localized> = documentLabels;

/** A document kind's name in `lang`. */
export function documentLabel(kind: DocumentKind, lang: Lang): string {
  return pick(lang, DOCUMENT_LABELS[kind]);
}

/** A flow's title from the catalogue, in `lang`; its id while the catalogue is not there. */
export function flowTitle(flows: readonly FlowTitle[], id: string, lang: Lang): string {
  const flow = flows.find((f) => f.id === id);
  if (!flow) return id;
  return pick(lang, flow.title);
}
