using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lapor.ServiceDefaults;

/// <summary>One JSON shape for the HTTP APIs and the outbox: camelCase, enums as snake_case names, no integers for enums.</summary>
public static class LaporJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    /// <summary>The wire name of an enum value, e.g. <c>PermintaanInformasi</c> → <c>permintaan_informasi</c>.</summary>
    public static string WireName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The enum value a wire name stands for (<c>belum_terverifikasi</c>), or null; numbers are not names.</summary>
    public static TEnum? FromWireName<TEnum>(string? wire) where TEnum : struct, Enum =>
        wire is not null && !int.TryParse(wire, out _) && Enum.TryParse<TEnum>(wire.Replace("_", ""), ignoreCase: true, out var value) ? value : null;
}
