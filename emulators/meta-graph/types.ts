/**
 * Records the emulator keeps. They hold Meta's *internal* view (numbers as numbers,
 * Dates as ISO strings); serializers in objects/* turn them into Graph's wire shapes
 * (budgets as strings, `act_` prefixes, `+0000` timestamps).
 *
 * Every record is plain JSON so a Postgres-backed store can keep each kind in a JSONB column.
 */

import type { AdQuality } from "./insights/types";
import type { ReportRunState } from "./insights/report-runs";

export type ConfiguredStatus = "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED";

/**
 * A configured-status change, recorded on create, update and delete so the
 * insights simulator knows when an object could deliver. Records stored before
 * histories existed have none; the first change then seeds the history with the
 * previous status at creation.
 */
export type StatusChangeRecord = { at: string; status: ConfiguredStatus };

/** A budget as it was set at `at` (minor units); the initial budget is the first entry. */
export type BudgetHistoryRecord = { at: string; dailyBudget: number | null; lifetimeBudget: number | null };

export type UserRecord = { id: string; name: string; email: string };

export type PageRecord = { id: string; ownerUserId: string; name: string; category: string };

export type AdAccountRecord = {
  /** numeric id without `act_` (Graph's `account_id`) */
  id: string;
  ownerUserId: string;
  name: string;
  currency: string;
  accountStatus: number;
  timezoneName: string;
  timezoneOffsetHoursUtc: number;
  businessName: string;
  createdTime: string;
};

export type PixelRecord = { id: string; accountId: string; name: string; createdTime: string };

export type CustomAudienceRecord = {
  id: string;
  accountId: string;
  name: string;
  subtype: "WEBSITE" | "CUSTOM" | "ENGAGEMENT" | "LOOKALIKE";
  description: string;
  approximateCount: number;
  retentionDays: number;
};

/** An app that can be promoted with APP_INSTALLS (promoted_object.application_id). */
export type PromotableAppRecord = { id: string; ownerUserId: string; name: string; objectStoreUrls: string[] };

export type CampaignRecord = {
  id: string;
  accountId: string;
  name: string;
  objective: string;
  status: ConfiguredStatus;
  specialAdCategories: string[];
  buyingType: string;
  /** minor units; null when the budget lives on the ad sets */
  dailyBudget: number | null;
  lifetimeBudget: number | null;
  bidStrategy: string | null;
  isAdsetBudgetSharingEnabled: boolean | null;
  startTime: string | null;
  stopTime: string | null;
  createdTime: string;
  updatedTime: string;
  statusHistory?: StatusChangeRecord[];
  /** only for an Advantage campaign budget */
  budgetHistory?: BudgetHistoryRecord[];
};

export type AdSetRecord = {
  id: string;
  accountId: string;
  campaignId: string;
  name: string;
  status: ConfiguredStatus;
  dailyBudget: number | null;
  lifetimeBudget: number | null;
  billingEvent: string;
  optimizationGoal: string;
  bidAmount: number | null;
  bidStrategy: string | null;
  bidConstraints: Record<string, unknown> | null;
  targeting: Record<string, unknown>;
  promotedObject: Record<string, unknown> | null;
  destinationType: string | null;
  startTime: string;
  endTime: string | null;
  createdTime: string;
  updatedTime: string;
  statusHistory?: StatusChangeRecord[];
  budgetHistory?: BudgetHistoryRecord[];
};

export type ImageRecord = {
  /** `${accountId}:${hash}`, Meta's AdImage id */
  id: string;
  accountId: string;
  hash: string;
  name: string;
  url: string;
  /** base64 of the uploaded bytes, so the sandbox can serve previews */
  bytesBase64: string;
  createdTime: string;
};

export type VideoRecord = {
  id: string;
  accountId: string;
  title: string;
  source: "file_url" | "upload" | "chunked";
  fileUrl: string | null;
  sizeBytes: number;
  /** upload not finished yet (chunked) */
  uploading: boolean;
  /** `GET ?fields=status` polls so far; processing flips to ready after a few */
  statusPolls: number;
  createdTime: string;
};

export type UploadSessionRecord = {
  id: string;
  videoId: string;
  accountId: string;
  fileSize: number;
  received: number;
  finished: boolean;
};

export type CreativeRecord = {
  id: string;
  accountId: string;
  name: string;
  objectStorySpec: Record<string, unknown> | null;
  objectStoryId: string | null;
  createdTime: string;
};

/**
 * Hidden per-ad performance traits the insights simulator reads; never served on
 * the wire. Set once at creation (see quality.ts); the stored value is authoritative.
 */
export type { AdQuality };

export type AdRecord = {
  id: string;
  accountId: string;
  campaignId: string;
  adSetId: string;
  creativeId: string;
  name: string;
  status: ConfiguredStatus;
  quality: AdQuality;
  createdTime: string;
  updatedTime: string;
  statusHistory?: StatusChangeRecord[];
};

export type TokenRecord = {
  /** the opaque token string itself */
  id: string;
  appId: string;
  userId: string;
  scopes: string[];
  kind: "short" | "long";
  issuedAt: string;
  /** null = never expires */
  expiresAt: string | null;
  dataAccessExpiresAt: string;
};

export type AuthCodeRecord = {
  /** the code itself */
  id: string;
  appId: string;
  userId: string;
  scopes: string[];
  redirectUri: string;
  expiresAt: string;
  used: boolean;
};

/**
 * A rate-limit bucket. `acc:<id>` buckets hold the decaying ad-account score;
 * `buc:<id>` and `app:<id>` hold hourly call windows.
 */
export type UsageRecord = { id: string; score: number; updatedAt: string; windowStart: string; calls: number };

export type BudgetChangeRecord = { id: string; adSetId: string; at: string };

/**
 * An async insights job (`POST /act_{id}/insights`): the simulator's report-run
 * state, plain JSON. `accountId` is the bare account number, like other records.
 */
export type ReportRunRecord = ReportRunState;

/** Every collection the store holds, by name. */
export type Collections = {
  users: UserRecord;
  pages: PageRecord;
  adAccounts: AdAccountRecord;
  pixels: PixelRecord;
  customAudiences: CustomAudienceRecord;
  apps: PromotableAppRecord;
  campaigns: CampaignRecord;
  adSets: AdSetRecord;
  images: ImageRecord;
  videos: VideoRecord;
  uploadSessions: UploadSessionRecord;
  creatives: CreativeRecord;
  ads: AdRecord;
  tokens: TokenRecord;
  authCodes: AuthCodeRecord;
  usage: UsageRecord;
  budgetChanges: BudgetChangeRecord;
  reportRuns: ReportRunRecord;
};

export type CollectionName = keyof Collections;
