export { budgetWindow, BUDGET_CHANGES_PER_HOUR, type BudgetWindow } from "./budget-window";
export { campaignChange, isLargeBudgetChange, type CampaignChange } from "./change";
export { duplicateCampaign } from "./duplicate";
export { requestCampaignChange, type ChangeRefusal, type ChangeRequest } from "./request-change";
export { campaignUpdate } from "./update-job";
