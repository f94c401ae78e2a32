// POST /api/v1/import?dryRun=true|false with the CSV file as the body
// (Content-Type: text/csv). A dry run checks and says what would happen;
// dryRun=false imports everything in one transaction, or nothing.
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { json, parseQuery } from "@/lib/api/handler";
import { mediaType } from "@/lib/api/body";
import { writeRoute } from "@/lib/api/write-route";
import { DEFAULT_MAX_IMPORT_BYTES, runImport } from "@/lib/import/run";

const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

// Stored with the import's progress and audit record: no control characters (NUL breaks PostgreSQL).
const fileNameField = z
  .string()
  .max(200, { error: "must be at most 200 characters" })
  .refine((name) => !/[\u0000-\u001F\u007F-\u009F]/.test(name) && name.isWellFormed(), { error: "must be a file name without control characters" });

const querySchema = z.strictObject({
  // Without it nothing is written: a forgotten parameter must not import a file by accident.
  dryRun: z.enum(["true", "false"], { error: "must be true or false" }).default("true"),
  /** Chosen by the client so it can follow the progress (GET /api/v1/import/{id}) while it uploads. */
  importId: z.uuid({ error: "must be a UUID" }).optional(),
  fileName: fileNameField.optional(),
});

/** The file name the client gives, from ?fileName= or the X-File-Name header: both pass the same check. */
function fileNameOf(query: { fileName?: string }, request: Request): string | undefined {
  if (query.fileName !== undefined) return query.fileName;
  const header = request.headers.get("x-file-name");
  if (header === null) return undefined;
  const parsed = fileNameField.safeParse(header);
  if (!parsed.success) {
    throw new ApiError("validation_failed", "The X-File-Name header is not a usable file name.", [{ path: "X-File-Name", message: parsed.error.issues[0]?.message ?? "is not valid" }]);
  }
  return parsed.data;
}

function maxBytes(): number {
  const configured = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_IMPORT_BYTES;
}

export const POST = writeRoute(async (request, { actor }) => {
  const query = parseQuery(request, querySchema);
  const fileName = fileNameOf(query, request);
  const type = mediaType(request);
  if (!CSV_TYPES.includes(type)) {
    throw new ApiError("unsupported_media_type", `Send the CSV file itself as the body, with Content-Type: text/csv${type ? ` (not ${type.slice(0, 60)})` : ""}.`);
  }
  const declared = Number(request.headers.get("content-length") ?? "");
  const limit = maxBytes();
  if (Number.isFinite(declared) && declared > limit) {
    throw new ApiError("payload_too_large", `The file is larger than the import limit of ${Math.round(limit / (1024 * 1024))} MB.`);
  }
  if (!request.body) throw new ApiError("validation_failed", "The request has no file: send the CSV as the body.", [{ path: "", message: "is empty" }]);

  const result = await runImport(request.body, {
    actor,
    dryRun: query.dryRun === "true",
    importId: query.importId,
    fileName,
    bytesTotal: Number.isFinite(declared) && declared > 0 ? declared : null,
    maxBytes: limit,
  });
  if (result.valid) return json(result);
  const { errors, ...summary } = result;
  return json(
    {
      error: {
        code: "validation_failed",
        message: `The file has ${result.errorCount} error${result.errorCount === 1 ? "" : "s"}; nothing was written.`,
        issues: errors.map((e) => ({ path: e.column ? `row ${e.row}, ${e.column}` : `row ${e.row}`, message: e.message, row: e.row, column: e.column })),
        ...summary,
      },
    },
    { status: 400 },
  );
});
