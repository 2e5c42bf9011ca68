import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", "data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "**/*.tmp.*"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through lib/env.ts (STYLE.md rule 6).",
        },
      ],
    },
  },
  {
    // The env door itself, build/launch scripts that run before lib/ can load, and test setup.
    files: ["lib/env.ts", "prisma.config.ts", "prisma/generate-client.mjs", "bin/**", "tests/**", "next.config.js", "playwright.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db/*", "@/lib/generated/*", "@/lib/storage/*", "@/lib/env"], message: "Components draw; data comes in through props (STYLE.md)." }] },
      ],
    },
  },
];
export default config;
