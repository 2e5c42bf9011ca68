-- Files in layouts no built-in format knows wait for their columns to be mapped (kept on disk
-- meanwhile); mappings are saved per organization and recognise later files by their header.

ALTER TYPE "upload_status" ADD VALUE 'needs_mapping';

CREATE TABLE "column_mappings" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "header_signature" TEXT,
    "config" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "column_mappings_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "column_mappings_org_id_name_key" ON "column_mappings"("org_id", "name");
CREATE INDEX "column_mappings_org_id_header_signature_idx" ON "column_mappings"("org_id", "header_signature");
ALTER TABLE "column_mappings" ADD CONSTRAINT "column_mappings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
