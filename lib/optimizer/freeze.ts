/**
 * Entities Meta is still calibrating are left alone: a budget change during the
 * learning phase restarts it, and the first days after any edit are too
 * unstable to judge.
 */
import { daysBetween } from "./dates";
import { LEARNING_RESULTS, LEARNING_WINDOW_DAYS } from "./defaults";
import type { EntityInput } from "./types";

export type Freeze =
  | { kind: "recent-edit"; editedOn: string; freezeDays: number }
  | { kind: "learning"; editedOn: string; results: number };

export function freezeOf(entity: EntityInput, today: string, freezeDays: number): Freeze | null {
  const editedOn = entity.lastSignificantEditAt;
  if (editedOn === undefined) return null;
  // An edit dated today or later (clock skew) is as fresh as an edit can be.
  const daysSince = Math.max(0, daysBetween(editedOn, today));
  if (daysSince < freezeDays) return { kind: "recent-edit", editedOn, freezeDays };
  if (daysSince >= LEARNING_WINDOW_DAYS) return null;
  let results = 0;
  for (const day of entity.history) {
    if (day.date >= editedOn && day.date < today && Number.isFinite(day.conversions)) results += Math.max(0, day.conversions);
  }
  return results < LEARNING_RESULTS ? { kind: "learning", editedOn, results } : null;
}
