/**
 * The budget allocator's public surface (issue 8). Pure: no database, no
 * network, no clock; the same input and seed always give the same result.
 */
export { allocateBudget } from "./allocate-budget";
export type {
  Allocation,
  AllocationInput,
  AllocationResult,
  DailyStats,
  EntityInput,
  Guardrails,
} from "./types";
