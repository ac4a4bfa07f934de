/**
 * The bytes [start, end] of a stream, passed through as they arrive: a Range
 * request on a large video costs the bytes read up to `end`, never the whole
 * file in memory. Reading stops (and the source is cancelled) after `end`.
 */
export function sliceStream(source: ReadableStream<Uint8Array>, start: number, end: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const chunkStart = offset;
        offset += value.byteLength;
        if (offset <= start) continue;
        const from = Math.max(0, start - chunkStart);
        const to = Math.min(value.byteLength, end + 1 - chunkStart);
        if (to > from) controller.enqueue(value.subarray(from, to));
        if (offset > end) {
          await reader.cancel();
          return controller.close();
        }
        return;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
