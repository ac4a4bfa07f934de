"use client";

import { Loader2, UploadCloud } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { cn } from "@/lib/utils";

type Upload = { name: string; state: "uploading" | "done" | "error"; message?: string };

async function send(file: File): Promise<string | null> {
  const body = new FormData();
  body.append("file", file);
  const response = await fetch("/api/assets", { method: "POST", body });
  if (response.ok) return null;
  const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return payload?.error?.message ?? `Upload failed (${response.status}).`;
}

/**
 * Drag files here (or click to choose): each is sent on its own so one bad file
 * never loses the others, and each gets its own line saying how it went.
 */
export function UploadDropzone({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);

  async function upload(files: FileList | File[]) {
    const list = Array.from(files);
    setUploads((current) => [...list.map((file) => ({ name: file.name, state: "uploading" as const })), ...current].slice(0, 20));
    for (const file of list) {
      // Over the server's request limit the upload would be cut off with no explanation.
      const error =
        file.size > maxBytes
          ? `is ${(file.size / 1024 / 1024).toFixed(1)} MB; this server accepts up to ${(maxBytes / 1024 / 1024).toFixed(1)} MB per file.`
          : await send(file).catch(() => "The connection dropped; try again.");
      setUploads((current) => current.map((item) => (item.name === file.name && item.state === "uploading" ? { ...item, state: error ? "error" : "done", message: error ?? undefined } : item)));
    }
    router.refresh();
  }

  return (
    <div className="grid gap-2">
      <div
        role="button"
        tabIndex={0}
        aria-label="Upload images or videos"
        onClick={() => input.current?.click()}
        onKeyDown={(event) => (event.key === "Enter" || event.key === " ") && input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          if (event.dataTransfer.files.length) void upload(event.dataTransfer.files);
        }}
        className={cn(
          "text-muted-foreground flex cursor-pointer flex-col items-center gap-1 rounded-lg border border-dashed px-4 py-6 text-center text-sm transition-colors",
          over ? "border-primary bg-primary/5" : "hover:bg-muted/50",
        )}
      >
        <UploadCloud className="size-6" aria-hidden />
        <span className="text-foreground font-medium">Drop your own images or videos here</span>
        <span>PNG, JPEG, WebP, GIF up to 30 MB · MP4 or MOV up to 200 MB · square, 4:5, 9:16 or 16:9</span>
        <input
          ref={input}
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp,image/gif,video/mp4,video/quicktime"
          className="sr-only"
          data-testid="upload-input"
          onChange={(event) => event.currentTarget.files && void upload(event.currentTarget.files)}
        />
      </div>
      {uploads.length > 0 && (
        <ul className="grid gap-1 text-sm" aria-live="polite">
          {uploads.map((item, index) => (
            <li key={`${item.name}-${index}`} className={cn("flex items-center gap-2", item.state === "error" && "text-destructive")}>
              {item.state === "uploading" && <Loader2 className="size-3 animate-spin" aria-hidden />}
              <span className="font-medium">{item.name}</span>
              <span>{item.state === "uploading" ? "uploading…" : item.state === "done" ? "added" : item.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
