import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { LibraryFilters as Filters } from "@/lib/creatives/library";

/** A plain GET form: filters live in the URL, so a filtered library can be bookmarked and shared. */
export function LibraryFilters({ filters, styles }: { filters: Filters; styles: string[] }) {
  return (
    <form method="get" action="/library" className="grid gap-2 sm:grid-cols-[1fr_repeat(4,minmax(0,9rem))_auto]" role="search">
      <Input name="q" type="search" defaultValue={filters.q} placeholder="Search prompts, headlines and tags" aria-label="Search" />
      <NativeSelect name="type" defaultValue={filters.type ?? ""} aria-label="Type">
        <option value="">All types</option>
        <option value="image">Images</option>
        <option value="video">Videos</option>
      </NativeSelect>
      <NativeSelect name="format" defaultValue={filters.format ?? ""} aria-label="Format">
        <option value="">All formats</option>
        {["1:1", "4:5", "9:16", "16:9"].map((format) => (
          <option key={format} value={format}>
            {format}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect name="style" defaultValue={filters.style ?? ""} aria-label="Style">
        <option value="">All styles</option>
        {styles.map((style) => (
          <option key={style} value={style}>
            {style}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect name="since" defaultValue={filters.since ?? ""} aria-label="Date">
        <option value="">Any time</option>
        <option value="7d">Last 7 days</option>
        <option value="30d">Last 30 days</option>
        <option value="90d">Last 90 days</option>
      </NativeSelect>
      <Button type="submit" variant="secondary">
        <Search aria-hidden /> Filter
      </Button>
    </form>
  );
}
