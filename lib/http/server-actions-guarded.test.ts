import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// Server actions are public HTTP endpoints (anyone can post to them with the action's id), so each
// one must establish who acts before doing anything: every exported function of every "use server"
// file under app/ calls orgContextForAction (membership and permission) or requireUser, unless it is
// one of the few actions for people who are not signed in yet, listed here with the reason.

const PUBLIC_ACTIONS: Record<string, string> = {
  signInAction: "signing in is how one becomes signed in",
  setupAction: "first-run setup, refused once any account exists",
  acceptInvitationAction: "the invitation token is the credential",
  resetPasswordAction: "the reset token is the credential",
  forgotPasswordAction: "emails a link only to the address's owner, answers the same for any address",
  signOutAction: "ends the caller's own session only",
  setLocaleAction: "sets a language cookie, touches no data",
};

function serverActionFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    return /\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8")) ? [full] : [];
  });
}

test("every server action checks who acts before it acts", () => {
  const files = serverActionFiles(path.join(process.cwd(), "app"));
  expect(files.length).toBeGreaterThanOrEqual(4);
  const unguarded: string[] = [];
  let actions = 0;
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    const starts = [...source.matchAll(/^export async function (\w+)/gm)];
    starts.forEach((match, index) => {
      actions++;
      const body = source.slice(match.index, starts[index + 1]?.index ?? source.length);
      const isGuarded = /\b(orgContextForAction|requireUser)\(/.test(body);
      if (!isGuarded && !(match[1] in PUBLIC_ACTIONS)) unguarded.push(`${path.relative(process.cwd(), file)}: ${match[1]}`);
    });
  }
  expect(actions).toBeGreaterThanOrEqual(12);
  expect(unguarded).toEqual([]);
});
