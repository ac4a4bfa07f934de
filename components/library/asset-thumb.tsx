import { Play } from "lucide-react";
import Link from "next/link";
import type { CreativeAsset } from "@/db/schema";
import { fileUrl } from "@/lib/storage/keys";
import { cn } from "@/lib/utils";

/** A library tile's picture: the WebP thumbnail (a poster for videos), linking to the asset's page. */
export function AssetThumb({ asset, className }: { asset: CreativeAsset; className?: string }) {
  const src = asset.thumbnailKey ? fileUrl(asset.thumbnailKey) : asset.fileUrl;
  const label = `${asset.assetType === "video" ? "Video" : "Image"} ${asset.format}${asset.metadata.headline ? `: ${asset.metadata.headline}` : ""}`;
  return (
    <Link href={`/library/${asset.id}`} className={cn("bg-muted relative block overflow-hidden rounded-md border", className)} aria-label={label}>
      {/* eslint-disable-next-line @next/next/no-img-element -- owner-only file route; next/image would proxy it */}
      <img src={src} alt="" loading="lazy" className="h-full w-full object-contain" width={asset.width ?? undefined} height={asset.height ?? undefined} />
      {asset.assetType === "video" && (
        <span className="absolute inset-0 grid place-items-center">
          <span className="grid size-10 place-items-center rounded-full bg-black/55 text-white">
            <Play className="size-5" aria-hidden />
          </span>
        </span>
      )}
    </Link>
  );
}
