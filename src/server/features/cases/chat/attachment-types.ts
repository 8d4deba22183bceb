/**
 * What may be attached to a case's chat: screenshots, documents and plain text, up to
 * MAX_ATTACHMENT_BYTES each. The type is decided by the bytes, never by what the browser
 * claims: an upload whose content is none of these is refused, and so is a file name whose
 * extension says something else (a `.pdf` that is a PNG).
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

export const ATTACHMENT_TYPES = [
  { mime: "image/png", extensions: ["png"] },
  { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  { mime: "image/gif", extensions: ["gif"] },
  { mime: "image/webp", extensions: ["webp"] },
  { mime: "application/pdf", extensions: ["pdf"] },
  { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  { mime: "text/plain", extensions: ["txt", "log", "md"] },
  { mime: "text/csv", extensions: ["csv"] },
] as const;
export type TAttachmentMime = (typeof ATTACHMENT_TYPES)[number]["mime"];

const startsWith = (bytes: Buffer, magic: readonly number[], offset = 0) => magic.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The content's type by its first bytes (and, for zip containers and text, by the name). */
export function sniffAttachment(bytes: Buffer, fileName: string): TAttachmentMime | null {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML document is a zip whose entries name its kind; any other zip is refused.
    const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString("latin1");
    if (ext === "docx" && head.includes("word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (ext === "xlsx" && head.includes("xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return null;
  }
  if (isPlainText(bytes)) return ext === "csv" ? "text/csv" : "text/plain";
  return null;
}

/** Valid UTF-8 without NUL or other control characters than tab and line breaks. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return match?.[1]?.toLowerCase() ?? "";
}

/** Null when the name fits the content; otherwise why not. */
export function nameProblem(fileName: string, mime: TAttachmentMime): string | null {
  const type = ATTACHMENT_TYPES.find((t) => t.mime === mime);
  const ext = extensionOf(fileName);
  if (!type) return "unsupported type";
  if (!(type.extensions as readonly string[]).includes(ext)) return `the content is ${mime}; name the file .${type.extensions[0]}`;
  return null;
}

/** A file name safe to show and to put into Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "_").trim().slice(0, 200);
}
