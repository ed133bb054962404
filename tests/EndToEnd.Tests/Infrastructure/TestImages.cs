using System.Buffers.Binary;
using System.Text;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Small files with the structure of a phone's photo: a PNG of chunks and a JPEG of segments, optionally carrying what a
/// camera writes about itself (GPS position, serial number, XMP, a comment).
/// </summary>
public static class TestImages
{
    public const string Serial = "CAM-SERIAL-8812345";
    public const string Gps = "GPS -7.2905 112.7398";

    /// <summary>The picture's own bytes in both files: what must survive the stripping.</summary>
    public static readonly byte[] Picture = [.. "gambar lubang jalan"u8, .. Enumerable.Range(0, 64).Select(i => (byte)i)];

    public static byte[] Png(bool withMetadata = false, int pictureBytes = 0)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        if (withMetadata)
        {
            Chunk(png, "eXIf", Encoding.ASCII.GetBytes($"MM\0*{Gps} {Serial}"));
            Chunk(png, "tEXt", Encoding.ASCII.GetBytes($"Serial\0{Serial}"));
            Chunk(png, "iTXt", Encoding.ASCII.GetBytes($"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>{Gps}</x:xmpmeta>"));
        }
        Chunk(png, "IDAT", [.. Picture, .. new byte[pictureBytes]]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Jpeg(bool withMetadata = false)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (withMetadata)
        {
            Segment(jpeg, 0xE1, Encoding.ASCII.GetBytes($"Exif\0\0MM\0*{Gps} Make=Samsung {Serial}"));
            Segment(jpeg, 0xE1, Encoding.ASCII.GetBytes($"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>{Gps}</x:xmpmeta>"));
            Segment(jpeg, 0xED, Encoding.ASCII.GetBytes($"Photoshop 3.0\08BIM IPTC {Serial}"));
            Segment(jpeg, 0xFE, Encoding.ASCII.GetBytes($"comment {Serial}"));
        }
        Segment(jpeg, 0xDB, new byte[65]); // quantisation table
        Segment(jpeg, 0xDA, [1, 1, 0, 0, 63, 0]); // start of scan, then the entropy-coded picture
        jpeg.Write(Picture);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typed = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static void Segment(Stream jpeg, byte marker, byte[] data)
    {
        jpeg.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)((data.Length + 2) & 0xFF)]);
        jpeg.Write(data);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
