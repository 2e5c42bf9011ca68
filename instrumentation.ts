// Next.js calls register() once when the server starts: the Node.js server runs Tollwatch's
// background jobs (alert delivery, detection of completed days, clean-up) unless
// TOLLWATCH_BACKGROUND_JOBS=off, in which case `tollwatch worker` runs them.

export async function register(): Promise<void> {
  // Next.js's own switch between its Node.js and edge builds of this file, not configuration.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerJobs } = await import("@/lib/jobs/server-jobs");
  await startServerJobs();
}
