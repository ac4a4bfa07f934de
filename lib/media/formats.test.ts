import { describe, expect, it } from "vitest";
import { inferFormat } from "./formats";

describe("inferFormat", () => {
  it("maps exact placement sizes to their format", () => {
    expect(inferFormat(1080, 1080)).toBe("1:1");
    expect(inferFormat(1920, 1080)).toBe("16:9");
    expect(inferFormat(1080, 1920)).toBe("9:16");
    expect(inferFormat(1080, 1350)).toBe("4:5");
  });

  it("accepts near misses within 3% (phone exports, odd encoders)", () => {
    expect(inferFormat(1280, 720)).toBe("16:9");
    expect(inferFormat(720, 1280)).toBe("9:16");
    expect(inferFormat(1080, 1334)).toBe("4:5");
    expect(inferFormat(1000, 1020)).toBe("1:1");
  });

  it("refuses shapes that match no placement", () => {
    expect(inferFormat(1200, 628)).toBeNull(); // 1.91:1 link ads
    expect(inferFormat(1080, 1440)).toBeNull(); // 3:4
    expect(inferFormat(0, 100)).toBeNull();
    expect(inferFormat(Number.NaN, 100)).toBeNull();
  });
});
