import { describe, expect, it } from "vitest";
import { readBrief } from "./read-brief";

describe("readBrief", () => {
  it("separates the product, the offer and the deadline, dropping the instruction", () => {
    expect(readBrief("Promote our new pumpkin spice cupcakes for autumn, 20% off this week", "Sweet Crumbs")).toEqual({
      product: "our new pumpkin spice cupcakes for autumn",
      title: "New pumpkin spice cupcakes for autumn",
      offer: "20% off",
      urgency: "this week",
      when: undefined,
    });
  });

  it("reads an event's date and a free offer's noun", () => {
    expect(readBrief("We're hosting a summer open day on Saturday 14 June at 11am. Bring the kids!", "X")).toMatchObject({
      product: "a summer open day",
      title: "Summer open day",
      when: "on Saturday 14 June at 11am",
    });
    expect(readBrief("Invoicing app for freelancers — start your free 14-day trial", "Ledgerly")).toMatchObject({
      product: "invoicing app for freelancers",
      offer: "free 14-day trial",
    });
  });

  it("keeps an offer that is the product, and falls back to the brand for an empty brief", () => {
    expect(readBrief("Free consultation for homeowners planning a kitchen renovation", "X").product).toBe(
      "free consultation for homeowners planning a kitchen renovation",
    );
    expect(readBrief("   ", "Sweet Crumbs")).toMatchObject({ product: "Sweet Crumbs", title: "Sweet Crumbs" });
  });
});
