import { metaAccounts } from "@/db/schema";

/**
 * Every column that holds a value encrypted with lib/crypto. The rotation script
 * walks this list, so a new encrypted column is covered by adding it here.
 * The context (bound as AAD) names table, column and row, so a value copied
 * elsewhere does not decrypt.
 */
export const ENCRYPTED_COLUMNS = [
  { name: "meta_accounts.access_token", table: metaAccounts, id: metaAccounts.id, owner: metaAccounts.userId, column: metaAccounts.accessToken, field: "accessToken" },
  { name: "meta_accounts.refresh_token", table: metaAccounts, id: metaAccounts.id, owner: metaAccounts.userId, column: metaAccounts.refreshToken, field: "refreshToken" },
] as const;

export type EncryptedColumnName = (typeof ENCRYPTED_COLUMNS)[number]["name"];

export function secretContext(column: EncryptedColumnName, rowId: string): string {
  return `${column}:${rowId}`;
}
