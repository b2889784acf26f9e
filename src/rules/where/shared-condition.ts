import type { SecurityEvent } from '../../core/index.ts';
import type { EventPredicate } from '../model.ts';

/**
 * Many rules test the same condition (`event.outcome: failure`, `event.category: authentication`)
 * and the engine asks all of them about each event. Rules compiled in one process share one
 * predicate per condition, and while the engine judges one event (between `beginJudging` and
 * `endJudging`) each shared predicate answers from its last result for that same event. Outside
 * of that every call tests afresh: a caller may change an event between two calls.
 */
const judging = { active: false, round: 0 };
const shared = new Map<string, EventPredicate>();
/**
 * Conditions are kept for the life of the process (rules reloaded again and again add theirs):
 * past this many distinct ones a new condition gets a predicate of its own, still answering once.
 */
const MAX_SHARED = 50_000;

/** The engine starts asking the rules about one event (which nobody changes until `endJudging`). */
export function beginJudging(): void {
  judging.round++;
  judging.active = true;
}

export function endJudging(): void {
  judging.active = false;
}

/** The predicate of the condition `signature` names (made by `build` the first time). */
export function sharedCondition(signature: string, build: () => EventPredicate): EventPredicate {
  let predicate = shared.get(signature);
  if (predicate === undefined) {
    predicate = answerOncePerEvent(build());
    if (shared.size < MAX_SHARED) shared.set(signature, predicate);
  }
  return predicate;
}

function answerOncePerEvent(predicate: EventPredicate): EventPredicate {
  let round = -1;
  let judged: SecurityEvent | undefined;
  let answer = false;
  return (event) => {
    if (!judging.active) return predicate(event);
    if (round === judging.round && event === judged) return answer;
    answer = predicate(event);
    round = judging.round;
    judged = event;
    return answer;
  };
}
