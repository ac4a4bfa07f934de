/**
 * A five-field cron matcher (minute hour day-of-month month day-of-week, UTC) for
 * the in-process scheduler: `*`, numbers, ranges `a-b`, lists `a,b` and steps `*\/n`, `a-b/n`.
 */
const FIELDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 6 },
] as const;

export type CronExpression = { fields: Array<Set<number>>; dayOfMonthAny: boolean; dayOfWeekAny: boolean };

function parseField(text: string, { min, max }: { min: number; max: number }): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, explicitTo] = range === "*" ? [min, max] : (range.split("-").map(Number) as [number, number?]);
    const to = explicitTo ?? (stepText === undefined ? from : max);
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max || from > to) {
      throw new Error(`Invalid cron field "${text}"`);
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

export function parseCron(expression: string): CronExpression {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`Cron "${expression}" must have 5 fields`);
  return {
    fields: parts.map((part, index) => parseField(part, FIELDS[index]!)),
    dayOfMonthAny: parts[2] === "*",
    dayOfWeekAny: parts[4] === "*",
  };
}

export function cronMatches(cron: CronExpression, date: Date): boolean {
  const [minute, hour, dayOfMonth, month, dayOfWeek] = cron.fields as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (!minute.has(date.getUTCMinutes()) || !hour.has(date.getUTCHours()) || !month.has(date.getUTCMonth() + 1)) return false;
  const domMatch = dayOfMonth.has(date.getUTCDate());
  const dowMatch = dayOfWeek.has(date.getUTCDay());
  // Classic cron: when both day fields are restricted, either may match.
  if (!cron.dayOfMonthAny && !cron.dayOfWeekAny) return domMatch || dowMatch;
  return domMatch && dowMatch;
}
