using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;

namespace Lapor.ServiceDefaults.OpenApi;

/// <summary>
/// The problem answers (<c>application/problem+json</c>, RFC 9457) every route can give by its shape, added to its
/// operation unless the route declares them itself: 401 and 403 where a token is needed, 400 where it reads a body, a
/// query or a header, 404 where its path names something, 413 and 415 where it reads a body. What a route answers
/// beyond these (409, 422, 429) its endpoint declares (<c>ProducesProblem</c>) or its typed results say.
/// </summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    private static readonly Dictionary<string, string> Meaning = new()
    {
        ["400"] = "Permintaan tidak valid: `errors` menyebut kolomnya. / The request is not valid: `errors` names the fields.",
        ["401"] = "Token tidak ada atau tidak berlaku. / No valid token.",
        ["403"] = "Peran atau instansi pemanggil tidak berhak. / The caller's role or agency may not do this.",
        ["404"] = "Tidak ditemukan (atau kode akses salah). / Not found (or a wrong access code).",
        ["413"] = "Isi permintaan terlalu besar. / The request body is too large.",
        ["415"] = "Jenis isi tidak didukung. / The body's media type is not supported.",
    };

    public static void Describe(OpenApiOperation operation, ApiDescription description, bool needsToken)
    {
        var parameters = description.ParameterDescriptions;
        var readsBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form) || operation.RequestBody is not null;
        var readsInput = readsBody || parameters.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Header);
        var namesSomething = parameters.Any(p => p.Source == BindingSource.Path);

        var statuses = new List<string>();
        if (readsInput) statuses.Add("400");
        if (needsToken) statuses.AddRange(["401", "403"]);
        if (namesSomething) statuses.Add("404");
        if (readsBody) statuses.AddRange(["413", "415"]);

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
            if (!operation.Responses.ContainsKey(status))
                operation.Responses[status] = new OpenApiResponse { Description = Meaning[status], Content = Problem(status) };
        // Every 4xx the route declares answers in problem details, whoever declared it.
        foreach (var (status, response) in operation.Responses.ToList())
            if (status.StartsWith('4') && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
                bare.Content = Problem(status);
    }

    private static Dictionary<string, OpenApiMediaType> Problem(string status) => new()
    {
        [ContentType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "kolom → pesan / field → messages" },
                },
            },
            Example = status == "400"
                ? JsonNode.Parse("""{"title":"Permintaan tidak valid","status":400,"errors":{"text":["Wajib diisi (20–4000 karakter)."]}}""")
                : new JsonObject { ["status"] = int.Parse(status), ["title"] = Meaning.GetValueOrDefault(status, "").Split(" / ")[0] },
        },
    };
}
