import "server-only";
import { SingleBar } from "cli-progress";

// The import's progress bar, on a terminal only (pipes and --json output stay clean).

export type TerminalProgress = { update(bytes: number, rows: number): void; stop(): void };

export function createTerminalProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): TerminalProgress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar(
    { format: "  {bar} {percentage}% | {megabytes}/{totalMegabytes} MB | {rows} rows", hideCursor: true, stream, clearOnComplete: false },
  );
  const megabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
  bar.start(totalBytes, 0, { megabytes: "0.0", totalMegabytes: megabytes(totalBytes), rows: "0" });
  return {
    update(bytes, rows) {
      bar.update(bytes, { megabytes: megabytes(bytes), rows: rows.toLocaleString("en") });
    },
    stop() {
      bar.stop();
    },
  };
}
