import { ArrowLeft, Download, Sparkles, Trash2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { deleteAssetAction } from "@/app/(app)/library/actions";
import { makeVariantsAction } from "@/app/(app)/studio/actions";
import { PageHeader } from "@/components/common/page-header";
import { TagEditor } from "@/components/library/tag-editor";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { getAsset } from "@/lib/creatives/library";
import { fileUrl } from "@/lib/storage/keys";

export const metadata: Metadata = { title: "Creative" };

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Flibrary");
  const { id } = await params;
  const parsed = z.uuid().safeParse(id);
  const asset = parsed.success ? await getAsset(user.id, parsed.data) : null;
  if (!asset) notFound();
  const poster = asset.thumbnailKey ? fileUrl(asset.thumbnailKey) : undefined;
  const meta = asset.metadata;

  return (
    <>
      <PageHeader
        title={meta.headline ?? meta.originalName ?? "Creative"}
        description={asset.prompt ?? undefined}
        actions={
          <Button asChild variant="ghost">
            <Link href="/library">
              <ArrowLeft aria-hidden /> Library
            </Link>
          </Button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="bg-muted grid place-items-center rounded-xl border p-4">
          {asset.assetType === "video" ? (
            <video src={asset.fileUrl} poster={poster} controls playsInline className="max-h-[75vh] max-w-full rounded-md" data-testid="asset-video" />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- owner-only file route; next/image would proxy it
            <img src={asset.fileUrl} alt={meta.headline ?? "Creative"} className="max-h-[75vh] max-w-full rounded-md object-contain" />
          )}
        </div>
        <Card>
          <CardContent className="grid gap-5">
            <dl className="grid grid-cols-2 gap-4">
              <Detail label="Format">{asset.format}</Detail>
              <Detail label="Size">
                {asset.width}×{asset.height}
              </Detail>
              {asset.assetType === "video" && <Detail label="Length">{asset.durationSeconds} s</Detail>}
              <Detail label="File">{(asset.fileSize / 1024 / 1024).toFixed(1)} MB</Detail>
              <Detail label="Source">{asset.source === "uploaded" ? "Uploaded" : `Generated (${asset.provider === "google" ? "Gemini/Veo" : "offline"})`}</Detail>
              {asset.style && <Detail label="Style">{asset.style}</Detail>}
              {meta.callToAction && <Detail label="Button">{meta.callToAction}</Detail>}
              <Detail label="Created">{asset.createdAt.toLocaleDateString("en", { dateStyle: "medium" })}</Detail>
            </dl>
            {meta.primaryText && <Detail label="Suggested primary text">{meta.primaryText}</Detail>}
            <div className="grid gap-1">
              <span className="text-muted-foreground text-xs">Tags</span>
              <TagEditor assetId={asset.id} tags={asset.tags} />
            </div>
            <div className="grid gap-2">
              <Button asChild variant="outline">
                <a href={`${asset.fileUrl}?download=1`} download>
                  <Download aria-hidden /> Download
                </a>
              </Button>
              {asset.source === "generated" && (
                <form action={makeVariantsAction}>
                  <input type="hidden" name="id" value={asset.id} />
                  <Button type="submit" variant="outline" className="w-full">
                    <Sparkles aria-hidden /> More like this
                  </Button>
                </form>
              )}
              <form action={deleteAssetAction}>
                <input type="hidden" name="id" value={asset.id} />
                <Button type="submit" variant="ghost" className="text-destructive w-full">
                  <Trash2 aria-hidden /> Delete
                </Button>
              </form>
            </div>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
