export { accountHistory } from "./account-history";
export { findOwnedAdAccount } from "./ad-account-access";
export { budgetProblems, minimumDailyBudget, scheduleDays, type BudgetPlan, type BudgetProblem } from "./budget-rules";
export { createDraft, getDraft, saveStep, WIZARD_STEPS, type DraftAd, type DraftView, type SaveStepResult, type StepInputs, type WizardStep } from "./drafts";
export { estimateResults, MIN_HISTORY_IMPRESSIONS, type AccountHistory, type Estimate, type EstimateInput } from "./estimates";
export { stepFieldErrors } from "./form-fields";
export { launchProblems, type LaunchProblem } from "./launch-problems";
export { formatProblems, formatsFor, isPlacementId, PLACEMENT_IDS, PLACEMENTS, type FormatProblem, type PlacementId } from "./placements";
export { preflightChecks, type PreflightCheck, type PreflightInput, type PreflightRequirement, type PreflightResult } from "./preflight";
export { PURPOSES, purposeSpec, type MetaObjective, type PurposeRequirement, type PurposeSpec } from "./purposes";
export { recommendAudience, type AudienceProposal } from "./recommend";
export {
  adInputSchema,
  audienceStepSchema,
  budgetStepSchema,
  COPY_LIMITS,
  copyAdvice,
  creativesStepSchema,
  launchStepSchema,
  MAX_ADS,
  newDraftSchema,
  purposeStepSchema,
  type AdInput,
  type AudienceStepInput,
  type BudgetStepInput,
  type CreativesStepInput,
  type LaunchStepInput,
  type NewDraftInput,
  type PurposeStepInput,
} from "./validation";
