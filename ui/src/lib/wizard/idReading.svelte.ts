/**
 * What Rust reads from an ID number as it is typed (birth date, gender, region), for the hints
 * under its box: asked once what is typed could be a whole number, only the latest typing's answer
 * kept. No DOM here.
 */
import type { ValidationReport } from '../../bindings/ValidationReport';
import { validateValue } from '../ipc';

/** The shortest ID number (the old 15-digit one): nothing can be read from fewer characters. */
export const SHORTEST_ID = 15;

export class IdReading {
  /** Rust's report on the number as last typed; none while too short or when it could not say. */
  report = $state<ValidationReport | null>(null);

  #seq = 0;

  async read(value: string): Promise<void> {
    const mine = ++this.#seq;
    const trimmed = value.trim();
    if (trimmed.length < SHORTEST_ID) {
      this.report = null;
      return;
    }
    try {
      const report = await validateValue('id-number', trimmed);
      if (mine === this.#seq) this.report = report;
    } catch {
      if (mine === this.#seq) this.report = null;
    }
  }
}
