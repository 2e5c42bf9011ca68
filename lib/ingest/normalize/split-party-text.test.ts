import { expect, test } from "vitest";
import { splitPartyText } from "@/lib/ingest/normalize/split-party-text";

test("a party's number and name, from a number alone or `Name <number>`", () => {
  expect(splitPartyText('"Sato" <201>')).toEqual({ number: "201", name: "Sato" });
  expect(splitPartyText("<201>")).toEqual({ number: "201", name: null });
  expect(splitPartyText("0312345678")).toEqual({ number: "0312345678", name: null });
});
