import { describe, expect, it } from "vitest";
import { formatMoney, fromDecimalString, toDecimalString } from "./index";

describe("money at the DECIMAL edge", () => {
  it.each([
    [1234, "USD", "12.34"],
    [5, "EUR", "0.05"],
    [-250, "GBP", "-2.50"],
    [0, "USD", "0.00"],
    [1500, "JPY", "1500.00"],
    [9_999_999_999, "USD", "99999999.99"],
  ])("%i %s ↔ %s", (minor, currency, decimal) => {
    expect(toDecimalString(minor, currency)).toBe(decimal);
    expect(fromDecimalString(decimal, currency)).toBe(minor);
  });

  it("never loses a cent to floating point", () => {
    // 0.1 + 0.2 style errors: every cent value from 0 to 100.00 survives the round trip.
    for (let minor = 0; minor <= 10_000; minor++) {
      expect(fromDecimalString(toDecimalString(minor, "USD"), "USD")).toBe(minor);
    }
    expect(fromDecimalString("19.9", "USD")).toBe(1990);
    expect(fromDecimalString("7", "USD")).toBe(700);
  });

  it("rejects what is not money", () => {
    expect(() => toDecimalString(12.5, "USD")).toThrow(/whole number of minor units/);
    expect(() => fromDecimalString("12.345", "USD")).toThrow(/Not a money amount/);
    expect(() => fromDecimalString("1e3", "USD")).toThrow(/Not a money amount/);
    expect(() => fromDecimalString("1500.50", "JPY")).toThrow(/no minor unit/);
  });

  it("formats for people", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });
});
