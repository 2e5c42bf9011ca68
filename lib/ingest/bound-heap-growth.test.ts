import { expect, test } from "vitest";
import { createHeapGrowthBound, IMPORT_HEAP_GROWING_PERCENT } from "@/lib/ingest/bound-heap-growth";

test("the heap is bounded from the first import until the last of those running at once ends", () => {
  const set: string[] = [];
  const bound = createHeapGrowthBound((flags) => set.push(flags));
  const first = bound.acquire();
  const second = bound.acquire();
  expect(set).toEqual([`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`]);
  first();
  first(); // released twice (a finally after a catch): counted once
  expect(set).toHaveLength(1);
  second();
  expect(set).toEqual([`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`, "--heap-growing-percent=0"]);
  bound.acquire();
  expect(set).toHaveLength(3);
});
