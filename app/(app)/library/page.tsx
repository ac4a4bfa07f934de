import { ImageIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { AssetCard } from "@/components/library/asset-card";
import { LibraryFilters } from "@/components/library/library-filters";
import { UploadDropzone } from "@/components/library/upload-dropzone";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { requestBodyLimitBytes } from "@/lib/creatives/upload";
import { libraryFilters, listAssets, usedStyles, type LibraryFilters as Filters } from "@/lib/creatives/library";

export const metadata: Metadata = { title: "Library" };

function pageHref(filters: Filters, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page })) if (value !== undefined && value !== "" && !(key === "page" && value === 1)) query.set(key, String(value));
  const text = query.toString();
  return text ? `/library?${text}` : "/library";
}

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Flibrary");
  const params = await searchParams;
  const filters = libraryFilters.parse(params);
  const [page, styles] = await Promise.all([listAssets(user.id, filters), usedStyles(user.id)]);
  const filtered = Boolean(filters.q || filters.type || filters.format || filters.style || filters.since || filters.source);

  return (
    <>
      <PageHeader
        title="Library"
        description={`${page.total} ${page.total === 1 ? "creative" : "creatives"}${filtered ? " match" : ""}. Everything you generate or upload, ready for campaigns.`}
        actions={
          <Button asChild>
            <Link href="/studio">Generate</Link>
          </Button>
        }
      />
      {params.error && (
        <Alert variant="destructive" className="mb-4" role="alert">
          <AlertDescription>{params.error}</AlertDescription>
        </Alert>
      )}
      {params.deleted && (
        <Alert className="mb-4" role="status">
          <AlertDescription>Deleted.</AlertDescription>
        </Alert>
      )}
      <div className="mb-6 grid gap-4">
        <UploadDropzone maxBytes={requestBodyLimitBytes()} />
        <LibraryFilters filters={filters} styles={styles} />
      </div>
      {page.assets.length === 0 ? (
        <EmptyState icon={ImageIcon} title={filtered ? "Nothing matches" : "Your library is empty"}>
          {filtered ? "Try fewer filters or another search word." : "Generate creatives in the Studio or drop your own files above."}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6" aria-label="Creatives">
          {page.assets.map((asset) => (
            <AssetCard key={asset.id} asset={asset} />
          ))}
        </ul>
      )}
      {page.pageCount > 1 && (
        <nav className="mt-6 flex items-center justify-center gap-3 text-sm" aria-label="Pages">
          {page.page > 1 && (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(filters, page.page - 1)}>Previous</Link>
            </Button>
          )}
          <span className="text-muted-foreground">
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount && (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(filters, page.page + 1)}>Next</Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}
