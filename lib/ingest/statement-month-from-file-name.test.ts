import { expect, test } from "vitest";
import { statementMonthFromFileName } from "@/lib/ingest/statement-month-from-file-name";

const monthOf = (name: string) => {
  const month = statementMonthFromFileName(name);
  return month ? `${month.year}-${String(month.month).padStart(2, "0")}` : null;
};

test("digits, separators and kanji", () => {
  expect(monthOf("202603.csv")).toBe("2026-03");
  expect(monthOf("meisai_202603.csv")).toBe("2026-03");
  expect(monthOf("2026-03.csv")).toBe("2026-03");
  expect(monthOf("2026_03.txt")).toBe("2026-03");
  expect(monthOf("statement 2026-3.csv")).toBe("2026-03");
  expect(monthOf("2026年3月分.csv")).toBe("2026-03");
  expect(monthOf("通話明細_2026年03月.csv")).toBe("2026-03");
  expect(monthOf("202603CLIFD1234000000001.exe")).toBe("2026-03");
});

test("Reiwa era years, 令和元年 being 2019", () => {
  expect(monthOf("R8年3月.csv")).toBe("2026-03");
  expect(monthOf("令和8年3月 通話明細.csv")).toBe("2026-03");
  expect(monthOf("通話明細_令和08年12月.csv")).toBe("2026-12");
  expect(monthOf("令和元年5月.csv")).toBe("2019-05");
  expect(monthOf("R1年10月.csv")).toBe("2019-10");
  expect(monthOf("Ｒ８年３月.csv")).toBe("2026-03");
  expect(monthOf("令和元年4月.csv")).toBeNull(); // still Heisei 31
});

test("a full date names its month", () => {
  expect(monthOf("cdr_20260314.csv")).toBe("2026-03");
  expect(monthOf("2026-03-14.csv")).toBe("2026-03");
  expect(monthOf("2026年03月14日.csv")).toBe("2026-03");
  expect(monthOf("2026-03-01_2026-03-31.csv")).toBe("2026-03");
  expect(monthOf("202603_2026年3月.csv")).toBe("2026-03");
});

test("nothing when absent, implausible or ambiguous", () => {
  expect(monthOf("meisai.csv")).toBeNull();
  expect(monthOf("0314.csv")).toBeNull();
  expect(monthOf("meisai_0314.csv")).toBeNull();
  expect(monthOf("2026.csv")).toBeNull();
  expect(monthOf("202613.csv")).toBeNull();
  expect(monthOf("20260230.csv")).toBeNull();
  expect(monthOf("0312345678.csv")).toBeNull();
  expect(monthOf("export_20260314120000.csv")).toBeNull();
  expect(monthOf("202603_202604.csv")).toBeNull();
  expect(monthOf("2026年3月_R8年4月.csv")).toBeNull();
});
