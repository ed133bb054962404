using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace Lapor.Intake.Api;

/// <summary>Examples in Bahasa Indonesia for the documents integrators read (<c>/openapi/v1.json</c>): a report as a citizen files it, and its receipt.</summary>
public static class ApiExamples
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(SubmitComplaintRequest)] = """
            {"type":"aduan","title":"Jalan berlubang di depan Pasar Wonokromo",
             "text":"Jalan di depan Pasar Wonokromo berlubang besar sejak sebulan, sudah dua pengendara motor jatuh. Mohon segera diperbaiki.",
             "sector":"infrastruktur","region":"35.78","anonymous":false,"confidential":true,
             "contact":{"name":"Siti Aminah","email":"siti@contoh.id","phone":"081234567890"},
             "location":"Jl. Raya Wonokromo, depan pasar","incidentDate":"2026-11-30"}
            """,
        [typeof(ComplaintReceipt)] = """
            {"trackingId":"LPR-7K2M9QXA","accessCode":"contoh-kode-akses-rahasia","status":"belum_terverifikasi",
             "deadlines":{"verifyWithinWorkingDays":3,"followUpWithinWorkingDays":5}}
            """,
    };

    public static OpenApiOptions AddIntakeExamples(this OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example)) schema.Examples = [JsonNode.Parse(example)!];
        return Task.CompletedTask;
    });
}
