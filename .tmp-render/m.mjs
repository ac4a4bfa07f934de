import { createFile, MP4BoxBuffer } from "mp4box";
import fs from "node:fs";
const buf = fs.readFileSync("/tmp/proto/rot.mp4");
const f = createFile(); f.onReady = (i) => console.log(i.videoTracks[0].matrix, i.videoTracks[0].track_width, i.videoTracks[0].video);
f.appendBuffer(MP4BoxBuffer.fromArrayBuffer(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length), 0)); f.flush();
