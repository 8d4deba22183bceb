import { describe, expect, it } from "vitest";
import { cleanFileName, nameProblem, sniffAttachment } from "./attachment-types.ts";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("attachment types", () => {
  it("tells the type by the bytes", () => {
    expect(sniffAttachment(PNG, "shot.png")).toBe("image/png");
    expect(sniffAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), "a.jpg")).toBe("image/jpeg");
    expect(sniffAttachment(Buffer.from("%PDF-1.7\n..."), "a.pdf")).toBe("application/pdf");
    expect(sniffAttachment(Buffer.from("RIFF\0\0\0\0WEBPVP8 "), "a.webp")).toBe("image/webp");
    expect(sniffAttachment(Buffer.from("дата;отзыв\n1;2\n"), "export.csv")).toBe("text/csv");
    expect(sniffAttachment(Buffer.from("Просто текст\n"), "note.txt")).toBe("text/plain");
    expect(sniffAttachment(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("....word/document.xml")]), "a.docx")).toContain("wordprocessingml");
  });

  it("refuses executables, archives and binary junk", () => {
    expect(sniffAttachment(Buffer.from("MZ\x90\0\x03\0\0\0", "latin1"), "setup.exe")).toBeNull();
    expect(sniffAttachment(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), "a.zip")).toBeNull();
    expect(sniffAttachment(Buffer.from([0x00, 0x01, 0x02]), "a.txt")).toBeNull();
    expect(sniffAttachment(Buffer.from([0xc3, 0x28]), "bad-utf8.txt")).toBeNull();
    expect(sniffAttachment(Buffer.alloc(0), "empty.txt")).toBeNull();
  });

  it("wants the name to agree with the content", () => {
    expect(nameProblem("shot.PNG", "image/png")).toBeNull();
    expect(nameProblem("invoice.pdf", "image/png")).toMatch(/\.png/);
    expect(nameProblem("script.html", "text/plain")).toMatch(/\.txt/);
  });

  it("cleans names", () => {
    expect(cleanFileName("C:\\Users\\a\\..\\скрин:1.png")).toBe("скрин_1.png");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
  });
});
