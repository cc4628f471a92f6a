import type { Document } from '../document/document.js';
import type { AnalyzeOptions } from '../types.js';

/**
 * A pipeline stage reads the document and assigns one layer. It declares the layers it requires so
 * the runner can check the chain (and say which stage needs what) before anything runs.
 */
export interface Stage {
  /** The layer this stage assigns (also its name). */
  readonly assigns: string;
  readonly requires: readonly string[];
  run(doc: Document, options: AnalyzeOptions): void;
}
