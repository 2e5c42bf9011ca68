-- Loading speed: every index and foreign-key trigger on call_records is paid once per call, and
-- uploads carry millions of calls. The fingerprint key already identifies a call within its
-- organization, so it becomes the primary key; the surrogate id, its sequence, the
-- (org_id, upload_id) index and the two foreign keys go. lib/storage is the only writer of
-- call_records and takes org and upload from one OrgContext; deleting an upload deletes its calls
-- explicitly, using the upload's first/last call times to stay inside the primary key.

ALTER TABLE "call_records" DROP CONSTRAINT "call_records_org_id_fkey";
ALTER TABLE "call_records" DROP CONSTRAINT "call_records_org_id_upload_id_fkey";
DROP INDEX "call_records_org_id_upload_id_idx";
DROP INDEX "call_records_org_id_started_at_fingerprint_key";
ALTER TABLE "call_records" DROP CONSTRAINT "call_records_pkey";
ALTER TABLE "call_records" DROP COLUMN "id";
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_pkey" PRIMARY KEY ("org_id", "started_at", "fingerprint");
