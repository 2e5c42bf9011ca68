import "server-only";
import { createRequire } from "node:module";
import path from "node:path";

// Noto Sans JP from @expo-google-fonts/noto-sans-jp, a dependency: whole TTF files on disk (pdfkit
// embeds the subset of glyphs used), so Japanese renders with no network and no system fonts.
// Resolved from the project folder at run time, where Next.js, the CLI and the tests all run.

const FONT_PACKAGE = "@expo-google-fonts/noto-sans-jp";

export type ReportFonts = { regular: string; bold: string };

export function reportFonts(projectRoot = process.cwd()): ReportFonts {
  const resolve = createRequire(path.join(projectRoot, "package.json")).resolve;
  return {
    regular: resolve(`${FONT_PACKAGE}/400Regular/NotoSansJP_400Regular.ttf`),
    bold: resolve(`${FONT_PACKAGE}/700Bold/NotoSansJP_700Bold.ttf`),
  };
}
