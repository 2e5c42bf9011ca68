import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { withOrg } from "@/lib/cli/commands/detection-commands";
import { buildEvidenceBundle } from "@/lib/evidence-pack/build-bundle";
import { sha256Hex } from "@/lib/evidence-pack/build-manifest";
import { createEvidencePdf, type EvidenceFile } from "@/lib/evidence-pack/create-evidence-pdf";
import type { EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { InvalidInputError } from "@/lib/errors";

export const REPORT_USAGE =
  "tollwatch report --org <slug> --incident <id> [--lang ja|en] [--pdf <file>] [--bundle <file.zip>] [--mask] [--to <addressee>] [--account <number>] [--carrier <name>]";

/** `tollwatch report`: the incident's evidence pack as a PDF and/or a bundle (the PDF in the current folder when neither is named). */
export async function reportCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" }, incident: { type: "string" }, lang: { type: "string", default: "ja" }, pdf: { type: "string" }, bundle: { type: "string" },
      mask: { type: "boolean", default: false }, to: { type: "string", default: "" }, account: { type: "string", default: "" }, carrier: { type: "string", default: "" },
    },
  });
  if (!values.org || !values.incident) throw new InvalidInputError(`Usage: ${REPORT_USAGE}`);
  if (values.lang !== "ja" && values.lang !== "en") throw new InvalidInputError(`--lang is ja or en (got ${values.lang}).`);
  const options: EvidencePackOptions = { locale: values.lang, mask: values.mask, addressee: values.to, accountNumber: values.account, carrier: values.carrier };
  const incidentId = values.incident;
  return withOrg(values.org, log, async (ctx) => {
    const written: string[] = [];
    if (values.pdf || !values.bundle) {
      const pdf = await createEvidencePdf(ctx, incidentId, options);
      written.push(await write(values.pdf ?? pdf.fileName, pdf));
    }
    if (values.bundle) written.push(await write(values.bundle, await buildEvidenceBundle(ctx, incidentId, options)));
    for (const line of written) process.stdout.write(`${line}\n`);
    return 0;
  });
}

async function write(file: string, evidence: EvidenceFile): Promise<string> {
  const target = path.resolve(file);
  await fs.writeFile(target, evidence.bytes);
  return `${target}\t${evidence.bytes.length} bytes\tsha256 ${sha256Hex(evidence.bytes)}\t(report ${evidence.reportId})`;
}
