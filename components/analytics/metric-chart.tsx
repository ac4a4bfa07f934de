"use client";

import { AreaChart, BarChart, LineChart } from "@tremor/react";
import { minorUnitDigits } from "@/lib/money";

/**
 * One Tremor chart of daily figures. Tremor's charts are client components and
 * their formatters are functions, which cannot cross from a server page; the
 * page passes plain data and a format name, and the formatter is built here.
 */
export type ChartFormat = "money" | "count" | "multiple";
export type ChartColor = "indigo" | "emerald" | "amber" | "rose";
export type ChartPoint = { day: string } & Record<string, number | string | null>;

function formatterFor(format: ChartFormat, currency: string) {
  if (format === "money") {
    const digits = minorUnitDigits(currency);
    const money = new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: digits });
    return (value: number) => money.format(value);
  }
  if (format === "multiple") return (value: number) => `${value.toFixed(2)}×`;
  const count = new Intl.NumberFormat("en-US", { notation: "compact" });
  return (value: number) => count.format(value);
}

export function MetricChart({
  kind,
  data,
  categories,
  colors,
  format,
  currency,
  label,
}: {
  kind: "area" | "bar" | "line";
  data: ChartPoint[];
  categories: string[];
  colors: ChartColor[];
  format: ChartFormat;
  currency: string;
  /** What the chart shows, for screen readers (the tables below it hold the numbers). */
  label: string;
}) {
  const common = {
    data,
    index: "day",
    categories,
    colors,
    valueFormatter: formatterFor(format, currency),
    yAxisWidth: 64,
    className: "h-56 sm:h-64",
    noDataText: "No data in this range",
  };
  return (
    <figure aria-label={label} className="m-0">
      {kind === "area" && <AreaChart {...common} connectNulls />}
      {kind === "bar" && <BarChart {...common} />}
      {kind === "line" && <LineChart {...common} connectNulls />}
    </figure>
  );
}
