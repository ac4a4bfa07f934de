import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";
import { centsOf, decimalOfCents } from "./decimal";
import { campaignCsvRows } from "./export-rows";
import { measured, summaryOf } from "./sums";

describe("CSV", () => {
  it("quotes commas, quotes and line breaks and ends lines with CRLF", () => {
    expect(toCsv([["a", "b,c", 'say "hi"', "two\nlines", null, 12.5]])).toBe('a,"b,c","say ""hi""","two\nlines",,12.5\r\n');
    expect(csvCell("plain")).toBe("plain");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.test\",\"click\")")).toBe('"\'=HYPERLINK(""http://evil.test"",""click"")"');
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell("Summer = sale")).toBe("Summer = sale");
    // Numbers we write ourselves are numbers, not text to defuse.
    expect(csvCell(-3)).toBe("-3");
  });

  it("writes campaign rows with plain decimals and defused names", () => {
    const figures = measured(summaryOf({ spend: "1234.5", impressions: "1000", reach: "800", clicks: "10", conversions: "0", conversionValue: "0.00" }));
    const rows = campaignCsvRows([{ id: "x", name: "=cmd|' /C calc'!A0", status: "active", purpose: "sales", currency: "USD", ...figures }], "USD");
    const csv = toCsv(rows);
    expect(csv.split("\r\n")[0]).toBe("Campaign,Status,Goal,Currency,Spend,Impressions,Reach,Clicks,CTR (%),CPC,Results,Cost per result,Conversion value,ROAS");
    expect(csv.split("\r\n")[1]).toBe("'=cmd|' /C calc'!A0,active,Sell online,USD,1234.50,1000,800,10,1,123.45,0,,0.00,0");
  });
});

describe("decimal sums", () => {
  it("parses Postgres numeric text into exact cents", () => {
    expect(centsOf("123456789012.34")).toBe(12_345_678_901_234);
    expect(centsOf("0.1")).toBe(10);
    expect(centsOf("7")).toBe(700);
    expect(centsOf(null)).toBe(0);
    expect(centsOf("-0.05")).toBe(-5);
    expect(() => centsOf("1e5")).toThrow(RangeError);
    expect(decimalOfCents(5)).toBe("0.05");
    expect(decimalOfCents(123_456)).toBe("1234.56");
  });
});
