import type { FlowTitle } from '../bindings/FlowTitle';
import { pick, type Lang } from './i18n';

/** A flow's title from the catalogue, in `lang`; its id while the catalogue is not there. */
export function flowTitle(flows: readonly FlowTitle[], id: string, lang: Lang): string {
  const flow = flows.find((f) => f.id === id);
  if (!flow) return id;
  return pick(lang, flow.title);
}
