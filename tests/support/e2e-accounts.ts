// The e2e run's accounts: the owner that first-run.setup.ts creates and signs in.
export const OWNER = { name: "Aiko Owner", email: "owner@example.test", password: "correct horse battery staple" };
