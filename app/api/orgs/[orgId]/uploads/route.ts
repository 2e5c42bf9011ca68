import { InvalidInputError } from "@/lib/errors";
import { orgRoute } from "@/lib/http/org-route";
import { createUpload } from "@/lib/uploads/create-upload";
import { CreateUploadInput } from "@/lib/uploads/create-upload.schema";

// Step 1 of an upload: say what is coming (name, size, options); step 2 PUTs the bytes to /content.
export const POST = orgRoute("upload", async (ctx, request) => {
  const input = CreateUploadInput.safeParse(await request.json().catch(() => null));
  if (!input.success) throw new InvalidInputError(`Invalid upload: ${input.error.issues[0]?.message}`);
  const upload = await createUpload(ctx, input.data);
  return Response.json({ uploadId: upload.id }, { status: 201 });
});
