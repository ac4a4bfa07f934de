/**
 * The allocator's contract (issue 8). Money is integer minor units; dates are
 * YYYY-MM-DD in the account's reporting day. The shape is fixed: callers wire
 * it to Meta later, so nothing here may become a required field.
 */
export type DailyStats = {
  date: string;
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
};

export type EntityInput = {
  id: string;
  currentDailyBudget: number;
  minDailyBudget?: number;
  lastSignificantEditAt?: string;
  history: DailyStats[];
};

export type Guardrails = {
  /** Largest change per entity per day, in percent as the name says (20 = ±20%). */
  maxChangePct?: number;
  /** Recent conversions an entity needs before its budget is moved. */
  minConversionsToAct?: number;
  /** Days after a significant edit during which the entity is left alone. */
  freezeDaysAfterEdit?: number;
};

export type AllocationInput = {
  goal: "cpa" | "roas";
  totalDailyBudget: number;
  today: string;
  entities: EntityInput[];
  guardrails?: Guardrails;
  seed?: number;
  /** ISO 4217 code, optional: reasons then show amounts in it ("$12.30", "¥1,230") instead of minor units ÷ 100. */
  currency?: string;
};

export type Allocation = {
  id: string;
  dailyBudget: number;
  /** dailyBudget − currentDailyBudget. */
  change: number;
  frozen: boolean;
  /** One sentence a marketer understands, with the numbers behind the decision. */
  reason: string;
};

export type AllocationResult = { allocations: Allocation[] };
