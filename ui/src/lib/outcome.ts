import type { ValidationReport } from '../bindings/ValidationReport';
import type { IpcError } from './ipc';

/** What the result region shows. */
export type Outcome =
  | { state: 'empty' }
  | { state: 'report'; report: ValidationReport }
  | { state: 'failed'; error: IpcError };
