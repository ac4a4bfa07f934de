import { AdAccount, AdVideo } from "facebook-nodejs-business-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX } from "./index";
import { CHUNK_BYTES } from "./objects/videos";
import { act, PNG, startHarness, type Harness } from "./test-support";

const accountId = SANDBOX.sam.adAccountId;

describe("image and video uploads", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  const post = async (path: string, body: FormData | URLSearchParams) => {
    const response = await fetch(`${harness.url}/v24.0/${path}?access_token=${harness.token}`, { method: "POST", body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("keys multipart images by file name, and lists them by hash", async () => {
    const form = new FormData();
    form.append("banner.png", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "banner.png");
    const { status, body } = await post(`act_${accountId}/adimages`, form);
    expect(status).toBe(200);
    const images = body.images as Record<string, { hash: string; url: string }>;
    expect(Object.keys(images)).toEqual(["banner.png"]);
    const hash = images["banner.png"]?.hash ?? "";

    const listed = await fetch(`${harness.url}/v24.0/act_${accountId}/adimages?fields=hash,name&hashes=${encodeURIComponent(JSON.stringify([hash]))}&access_token=${harness.token}`);
    expect(((await listed.json()) as { data: unknown[] }).data).toEqual([{ id: `${accountId}:${hash}`, hash, name: "banner.png" }]);
  });

  it("uploads a video in chunks, then reports processing until ready", async () => {
    const file = Buffer.alloc(CHUNK_BYTES * 2 + 1234, 7);
    const start = await post(`act_${accountId}/advideos`, new URLSearchParams({ upload_phase: "start", file_size: String(file.length) }));
    expect(start.body).toMatchObject({ start_offset: "0", end_offset: String(CHUNK_BYTES), upload_session_id: expect.any(String), video_id: expect.any(String) });
    const session = String(start.body.upload_session_id);
    let offsets = { start: Number(start.body.start_offset), end: Number(start.body.end_offset) };
    let transfers = 0;
    while (offsets.start < offsets.end) {
      const form = new FormData();
      form.append("upload_phase", "transfer");
      form.append("upload_session_id", session);
      form.append("start_offset", String(offsets.start));
      form.append("video_file_chunk", new Blob([new Uint8Array(file.subarray(offsets.start, offsets.end))]), "chunk");
      const transfer = await post(`act_${accountId}/advideos`, form);
      expect(transfer.status).toBe(200);
      offsets = { start: Number(transfer.body.start_offset), end: Number(transfer.body.end_offset) };
      transfers++;
    }
    expect(transfers).toBe(3);
    expect(offsets.start).toBe(file.length);
    const finish = await post(`act_${accountId}/advideos`, new URLSearchParams({ upload_phase: "finish", upload_session_id: session, title: "Spring spot" }));
    expect(finish.body).toEqual({ success: true });

    const videoId = String(start.body.video_id);
    const statuses: string[] = [];
    for (let poll = 0; poll < 4; poll++) {
      const video = await new AdVideo(videoId).read(["status", "title"]);
      statuses.push((video._data as { status: { video_status: string } }).status.video_status);
    }
    expect(statuses).toEqual(["processing", "processing", "ready", "ready"]);
  });

  it("rejects a chunk at the wrong offset and an early finish", async () => {
    const start = await post(`act_${accountId}/advideos`, new URLSearchParams({ upload_phase: "start", file_size: "10" }));
    const form = new FormData();
    form.append("upload_phase", "transfer");
    form.append("upload_session_id", String(start.body.upload_session_id));
    form.append("start_offset", "5");
    form.append("video_file_chunk", new Blob([new Uint8Array(5)]), "chunk");
    expect((await post(`act_${accountId}/advideos`, form)).body.error).toMatchObject({ code: 100 });
    const finish = await post(`act_${accountId}/advideos`, new URLSearchParams({ upload_phase: "finish", upload_session_id: String(start.body.upload_session_id) }));
    expect(finish.body.error).toMatchObject({ code: 100 });
  });

  it("accepts file_url and multipart source, and video creatives need a thumbnail", async () => {
    const byUrl = await new AdAccount(act(accountId)).createAdVideo([], { file_url: "https://cdn.example.test/spot.mp4", title: "From URL" });
    expect(byUrl.id).toMatch(/^\d+$/);
    const form = new FormData();
    form.append("source", new Blob([new Uint8Array(2048)], { type: "video/mp4" }), "spot.mp4");
    const bySource = await post(`act_${accountId}/advideos`, form);
    expect(bySource.body.id).toEqual(expect.any(String));

    const spec = (videoData: Record<string, unknown>) => ({ name: "Video", object_story_spec: { page_id: SANDBOX.sam.pageId, video_data: { video_id: byUrl.id, message: "Watch", ...videoData } } });
    await expect(new AdAccount(act(accountId)).createAdCreative([], spec({}))).rejects.toMatchObject({ response: { code: 100, error_user_title: "Video Thumbnail Required" } });
    const creative = await new AdAccount(act(accountId)).createAdCreative([], spec({ image_url: "https://cdn.example.test/thumb.jpg" }));
    expect(creative.id).toMatch(/^\d+$/);
  });
});
