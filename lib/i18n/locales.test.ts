import { expect, test } from "vitest";
import { resolveLocale } from "@/lib/i18n/locales";

test("the cookie decides when it names a supported language", () => {
  expect(resolveLocale("en", "ja-JP,ja;q=0.9")).toBe("en");
  expect(resolveLocale("fr", "en-US,en;q=0.9")).toBe("en");
});

test("Accept-Language is honoured by quality, falling back to Japanese", () => {
  expect(resolveLocale(undefined, "fr-FR,en;q=0.8,ja;q=0.9")).toBe("ja");
  expect(resolveLocale(undefined, "en-GB,en;q=0.9")).toBe("en");
  expect(resolveLocale(undefined, "de-DE")).toBe("ja");
  expect(resolveLocale(undefined, null)).toBe("ja");
});
