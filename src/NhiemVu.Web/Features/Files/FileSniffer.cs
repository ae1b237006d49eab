using System.IO.Compression;
using System.Text;

namespace NhiemVu.Web.Features.Files;

/// <summary>
/// Decides what a file is from its bytes (never its name): PDF, DOCX/XLSX (a zip whose
/// [Content_Types].xml names the main part), DOC/XLS (an OLE compound file), PNG, JPEG.
/// </summary>
public static class FileSniffer
{
    public sealed record Kind(string ContentType, string Extension);

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static Kind? Detect(byte[] c, string? fileName)
    {
        if (Starts(c, Pdf)) return new("application/pdf", ".pdf");
        if (Starts(c, Png)) return new("image/png", ".png");
        if (Starts(c, Jpeg)) return new("image/jpeg", ".jpg");
        if (Starts(c, Ole))
        {
            // Word and Excel 97–2003 share the container; the name only chooses between the two allowed ones.
            return (Path.GetExtension(fileName ?? "").ToLowerInvariant()) == ".xls"
                ? new("application/vnd.ms-excel", ".xls") : new("application/msword", ".doc");
        }
        if (Starts(c, Zip)) return OpenXml(c);
        return null;
    }

    private static Kind? OpenXml(byte[] c)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(c), ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > 1_000_000) return null;
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var types = reader.ReadToEnd();
            if (types.Contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", StringComparison.Ordinal))
                return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            if (types.Contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", StringComparison.Ordinal))
                return new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
            return null;
        }
        catch (InvalidDataException) { return null; }
    }

    private static bool Starts(byte[] c, byte[] magic) => c.Length >= magic.Length && c.AsSpan(0, magic.Length).SequenceEqual(magic);
}
