import { Badge } from "@/components/ui/badge";
import type { CreativeAsset } from "@/db/schema";
import { AssetThumb } from "./asset-thumb";
import { TagEditor } from "./tag-editor";

/** One tile of the library grid: picture, shape, where it came from, and its tags. */
export function AssetCard({ asset }: { asset: CreativeAsset }) {
  return (
    <li className="grid content-start gap-2" data-testid="asset-card">
      <AssetThumb asset={asset} className="aspect-square w-full" />
      <div className="flex flex-wrap items-center gap-1">
        <Badge variant="secondary">{asset.format}</Badge>
        {asset.assetType === "video" && <Badge variant="outline">{asset.durationSeconds ?? "?"} s video</Badge>}
        {asset.source === "uploaded" ? <Badge variant="outline">Uploaded</Badge> : asset.style && <Badge variant="outline">{asset.style}</Badge>}
      </div>
      {(asset.metadata.headline || asset.prompt) && <p className="line-clamp-2 text-xs">{asset.metadata.headline ?? asset.prompt}</p>}
      <TagEditor assetId={asset.id} tags={asset.tags} />
    </li>
  );
}
