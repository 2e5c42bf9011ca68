import fc from "fast-check";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { expect, test } from "vitest";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";

const japan = { defaultCountry: "JP", dialOutPrefix: null };

test("the Japanese international prefix 010 leads to the destination country", () => {
  expect(classifyNumber("01023276123456", japan)).toEqual({ e164: "+23276123456", country: "SL", numberType: "mobile" });
  expect(classifyNumber("+232 76 123456", japan)).toMatchObject({ e164: "+23276123456", country: "SL" });
});

test("domestic numbers get their E.164 form and type", () => {
  expect(classifyNumber("03-1234-5678", japan)).toEqual({ e164: "+81312345678", country: "JP", numberType: "fixed_line" });
  expect(classifyNumber("090-1234-5678", japan)).toMatchObject({ numberType: "mobile" });
  expect(classifyNumber("0120-123-456", japan)).toMatchObject({ numberType: "toll_free" });
  expect(classifyNumber("0990-123-456", japan)).toMatchObject({ numberType: "premium_rate" });
});

test("short numbers are extensions, masked numbers stay masked, garbage is unknown", () => {
  expect(classifyNumber("201", japan)).toEqual({ e164: null, country: null, numberType: "extension" });
  expect(classifyNumber("06-1234-****", japan)).toEqual({ e164: null, country: null, numberType: "masked" });
  expect(classifyNumber("anonymous", japan)).toEqual({ e164: null, country: null, numberType: "unknown" });
});

test("international networks (+881/+882/+883) have no country", () => {
  expect(classifyNumber("+88213123456", japan)).toMatchObject({ country: null, numberType: "international_network" });
});

test("the organization's dial-out prefix is removed before parsing", () => {
  const withPrefix = { defaultCountry: "JP", dialOutPrefix: "0" };
  expect(classifyNumber("00312345678", withPrefix)).toMatchObject({ e164: "+81312345678" });
  expect(classifyNumber("001023276123456", withPrefix)).toMatchObject({ e164: "+23276123456", country: "SL" });
});

test("the default country decides how national numbers read", () => {
  expect(classifyNumber("2125550123", { defaultCountry: "US", dialOutPrefix: null })).toMatchObject({ e164: "+12125550123", country: "US" });
  expect(classifyNumber("011442071234567", { defaultCountry: "US", dialOutPrefix: null })).toMatchObject({ country: "GB" });
});

test("numbers of one shape share the parse, and get exactly what a parse of their own would give", () => {
  const reference = (digits: string) => {
    const parsed = parsePhoneNumberFromString(digits, "JP");
    if (!parsed?.isPossible()) return { e164: null, country: null };
    return { e164: parsed.number, country: parsed.country ?? null };
  };
  const prefixes = ["03", "06", "090", "080", "050", "0120", "0570", "010232", "01044", "0101", "01086", "0100", "+1", "+44", "+232", "+7"];
  fc.assert(
    fc.property(fc.constantFrom(...prefixes), fc.integer({ min: 5, max: 10 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }), (prefix, middleLength, first, second) => {
      const middle = String(first).padStart(middleLength, "7").slice(0, middleLength);
      const numbers = [first, second].map((last) => `${prefix}${middle}${String(last).padStart(4, "0")}`);
      for (const number of numbers) {
        const classified = classifyNumber(number, japan);
        if (classified.numberType === "extension") continue;
        expect({ e164: classified.e164, country: classified.country }).toEqual(reference(number));
      }
    }),
    { numRuns: 500 },
  );
});
