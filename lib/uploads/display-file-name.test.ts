import { expect, test } from "vitest";
import { displayFileName } from "@/lib/uploads/display-file-name";

test("only the last path segment is kept, whichever separator", () => {
  expect(displayFileName("../../etc/passwd.csv")).toBe("passwd.csv");
  expect(displayFileName("C:\\Users\\op\\..\\..\\Windows\\win.ini.csv")).toBe("win.ini.csv");
  expect(displayFileName("..")).toBe("upload");
  expect(displayFileName("uploads/")).toBe("upload");
});

test("control characters and bidirectional overrides are removed", () => {
  expect(displayFileName("calls\r\nX-Injected: 1\u0000\u0007.csv")).toBe("calls X-Injected: 1 .csv");
  expect(displayFileName("invoice\u202Evsc.exe")).toBe("invoicevsc.exe");
  expect(displayFileName("\u2066Master\u2069.csv")).toBe("Master.csv");
});

test("ordinary names, Japanese included, are unchanged", () => {
  expect(displayFileName("Master.csv")).toBe("Master.csv");
  expect(displayFileName("通話明細_2026年3月.csv")).toBe("通話明細_2026年3月.csv");
});
