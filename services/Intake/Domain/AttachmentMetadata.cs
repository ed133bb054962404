using System.Buffers.Binary;
using System.Text;

namespace Lapor.Intake.Domain;

/// <summary>
/// Removes what a file says about who made it, where and with what, before it is stored: a photo of a puskesmas must
/// not show where its anonymous reporter stood or which phone she owns. The picture itself is kept byte for byte.
/// <list type="bullet">
/// <item>JPEG: every APP segment but JFIF (APP0), the colour profile (APP2 ICC_PROFILE) and Adobe's colour transform
/// (APP14) — so EXIF with GPS and maker notes, XMP and IPTC go — and comments. The orientation tag goes with EXIF: a
/// photo taken sideways may show sideways.</item>
/// <item>PNG: eXIf, the text chunks (tEXt, zTXt, iTXt, where XMP lives) and tIME; anything after IEND.</item>
/// <item>PDF: the values of the document information entries and every uncompressed XMP packet are blanked with spaces
/// of the same length, so every offset in the file stays right. Metadata inside compressed object streams is not
/// reached (a limitation: it needs a PDF library).</item>
/// </list>
/// Returns null when an image does not have the structure its type promises (cut short, no picture); such a file is refused.
/// </summary>
public static class AttachmentMetadata
{
    public static byte[]? Strip(string contentType, byte[] content) => contentType switch
    {
        "image/jpeg" => Jpeg(content),
        "image/png" => Png(content),
        "application/pdf" => Pdf(content),
        _ => null,
    };

    private static byte[]? Jpeg(byte[] jpeg)
    {
        using var kept = new MemoryStream(jpeg.Length);
        kept.Write(jpeg, 0, 2); // SOI
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF) return null;
            var marker = jpeg[at + 1];
            if (marker == 0xFF) { at++; continue; } // fill byte
            if (marker is 0x01 or >= 0xD0 and <= 0xD7) { kept.Write(jpeg, at, 2); at += 2; continue; } // no length
            if (marker == 0xD9) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (length < 2 || at + 2 + length > jpeg.Length) return null;
            if (marker == 0xDA)
            {
                // Start of scan: the compressed picture and everything after it, as it is.
                kept.Write(jpeg, at, jpeg.Length - at);
                return kept.ToArray();
            }
            if (Keeps(marker, jpeg.AsSpan(at + 4, length - 2))) kept.Write(jpeg, at, 2 + length);
            at += 2 + length;
        }
        return null; // no picture
    }

    private static bool Keeps(byte marker, ReadOnlySpan<byte> segment) => marker switch
    {
        0xE0 => segment.StartsWith("JFIF\0"u8) || segment.StartsWith("JFXX\0"u8),
        0xE2 => segment.StartsWith("ICC_PROFILE\0"u8),
        0xEE => segment.StartsWith("Adobe"u8),
        >= 0xE1 and <= 0xEF => false, // EXIF, XMP, IPTC/Photoshop, maker notes and the rest
        0xFE => false,                // comments
        _ => true,                    // tables, frame headers, restart intervals
    };

    private static readonly string[] PngDropped = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"];

    private static byte[]? Png(byte[] png)
    {
        using var kept = new MemoryStream(png.Length);
        kept.Write(png, 0, 8);
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > int.MaxValue || at + 12 + (long)length > png.Length) return null;
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var size = 12 + (int)length;
            if (!PngDropped.Contains(type)) kept.Write(png, at, size);
            at += size;
            if (type == "IEND") return kept.ToArray();
        }
        return null; // no IEND
    }

    private static readonly string[] PdfInfoKeys = ["/Author", "/Creator", "/Producer", "/Title", "/Subject", "/Keywords", "/CreationDate", "/ModDate"];

    private static byte[]? Pdf(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var text = Encoding.Latin1.GetString(copy); // one char per byte: indexes are offsets
        foreach (var key in PdfInfoKeys)
            for (var at = text.IndexOf(key, StringComparison.Ordinal); at >= 0; at = text.IndexOf(key, at + key.Length, StringComparison.Ordinal))
                BlankValue(copy, text, at + key.Length);
        for (var start = text.IndexOf("<x:xmpmeta", StringComparison.Ordinal); start >= 0; start = text.IndexOf("<x:xmpmeta", start + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf("</x:xmpmeta>", start, StringComparison.Ordinal);
            if (end < 0) break;
            copy.AsSpan(start, end + "</x:xmpmeta>".Length - start).Fill((byte)' ');
        }
        return copy;
    }

    /// <summary>Blanks a literal string <c>(…)</c> or hex string <c>&lt;…&gt;</c> that follows a key, keeping its delimiters.</summary>
    private static void BlankValue(byte[] pdf, string text, int from)
    {
        var at = from;
        while (at < text.Length && text[at] is ' ' or '\r' or '\n' or '\t') at++;
        if (at >= text.Length) return;
        if (text[at] == '(')
        {
            var depth = 0;
            for (var i = at; i < text.Length; i++)
            {
                if (text[i] == '\\') { pdf[i] = (byte)' '; if (i + 1 < text.Length) pdf[++i] = (byte)' '; continue; }
                if (text[i] == '(') { if (depth++ > 0) pdf[i] = (byte)' '; continue; }
                if (text[i] == ')') { if (--depth == 0) return; pdf[i] = (byte)' '; continue; }
                pdf[i] = (byte)' ';
            }
        }
        else if (text[at] == '<' && at + 1 < text.Length && text[at + 1] != '<')
        {
            for (var i = at + 1; i < text.Length && text[i] != '>'; i++) pdf[i] = (byte)'0';
        }
    }
}
