/**
 * Copy-on-write changes to a RuleState's speakers, confidences and cues, for the rules read after the
 * ranker (self-naming, text messages): the arrays are copied on the first change, and a state no
 * rule changed is returned as it was.
 */
import type { RuleState } from './index.js';

export interface SpeakerOverrides {
  /** Give line u to character c, with this confidence and cue. */
  set(u: number, c: number, confidence: number, cue: string): void;
  /** The state with the changes (the same object when there were none). */
  result(): RuleState;
}

export function speakerOverrides(state: RuleState): SpeakerOverrides {
  let speakers: Int32Array | null = null;
  let confidence: Float32Array | null = null;
  let cues: string[] | null = null;
  return {
    set(u, c, conf, cue) {
      speakers ??= state.speakers.slice();
      confidence ??= state.confidence.slice();
      cues ??= state.cues.slice();
      speakers[u] = c;
      confidence[u] = conf;
      cues[u] = cue;
    },
    result: () => (speakers ? { ...state, speakers, confidence: confidence!, cues: cues! } : state),
  };
}
