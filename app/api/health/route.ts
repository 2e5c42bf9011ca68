import { getDatabase } from "@/lib/db/database";
import { checkDatabase } from "@/lib/db/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase(getDatabase());
  return Response.json({ status: database.ok ? "ok" : "degraded", database }, { status: database.ok ? 200 : 503 });
}
