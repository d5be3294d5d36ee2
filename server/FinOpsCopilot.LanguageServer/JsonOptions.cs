using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinOpsCopilot.LanguageServer;

/// <summary>How LSP messages are written: camelCase names, no nulls (LSP treats absent and null differently).</summary>
public static class JsonOptions
{
    public static readonly JsonSerializerOptions Default = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null; // URIs as keys of WorkspaceEdit.changes stay as they are
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.PropertyNameCaseInsensitive = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
