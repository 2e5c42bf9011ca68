import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { UploadForm } from "@/components/uploads/upload-form";
import { orgContextForPage } from "@/lib/http/page-org-context";

export default async function NewUploadPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = await orgContextForPage((await params).orgSlug, "upload");
  const t = await getTranslations("upload");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <UploadForm orgId={ctx.org.id} orgSlug={ctx.org.slug} orgTimeZone={ctx.org.timeZone} />
      </Card>
    </>
  );
}
