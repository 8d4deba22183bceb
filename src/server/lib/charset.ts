/**
 * Russian sites still serve windows-1251 and KOI8-R, often declared only inside the page.
 * Order as browsers do: byte-order mark, Content-Type charset, then (HTML) <meta> or (XML)
 * the <?xml encoding?> of feeds, then UTF-8.
 */
export function decodeText(body: Buffer, contentType: string | null): string {
  return new TextDecoder(detectCharset(body, contentType)).decode(body);
}

export function detectCharset(body: Buffer, contentType: string | null): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  const type = contentType ?? "";
  const declared = encodingOf(/;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]);
  if (declared) return declared;
  const mime = (type.split(";")[0] ?? "").trim().toLowerCase();
  const head = body.subarray(0, 4096).toString("latin1").replace(/<!--[\s\S]*?-->/g, "");
  if (mime.includes("html") || (!mime && /^\s*<(!doctype\s+html|html)/i.test(head))) {
    const meta = encodingOf(/<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:+-]+)/i.exec(head)?.[1]);
    // A <meta> found by reading bytes as ASCII cannot truthfully say UTF-16.
    if (meta) return meta.startsWith("utf-16") ? "utf-8" : meta === "x-user-defined" ? "windows-1252" : meta;
  }
  if (mime.includes("xml") || /^\s*<\?xml/.test(head)) {
    const xml = encodingOf(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:+-]+)["']/i.exec(head)?.[1]);
    if (xml) return xml;
  }
  return "utf-8";
}

/** The WHATWG name of an encoding label, or undefined when TextDecoder does not know it. */
function encodingOf(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}
