using System.Text.Json;
using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>One synthesized template of a cloud assembly, read by the CloudFormation reader, with each logical ID's construct path.</summary>
internal sealed record AssemblyTemplate(IacDocument Document, IReadOnlyDictionary<string, string> PathByLogicalId);

/// <summary>
/// Reads a cloud assembly (<c>cdk.out/</c>): <c>manifest.json</c> names the stack templates (and nested assemblies of
/// stages); each template's resources carry their construct path in <c>Metadata["aws:cdk:path"]</c>, and the
/// manifest's <c>aws:cdk:logicalId</c> entries say the same for templates synthesized without path metadata.
/// </summary>
internal static class CloudAssembly
{
    public const string DirectoryName = "cdk.out";

    public static List<AssemblyTemplate> Read(string directory, List<SourceDiagnostic> problems, int depth = 0)
    {
        var result = new List<AssemblyTemplate>();
        var manifestPath = Path.Combine(directory, "manifest.json");
        var templates = new List<(string File, Dictionary<string, string> Paths)>();
        if (File.Exists(manifestPath) && depth < 4)
        {
            try
            {
                using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
                if (manifest.RootElement.TryGetProperty("artifacts", out var artifacts) && artifacts.ValueKind == JsonValueKind.Object)
                    foreach (var artifact in artifacts.EnumerateObject())
                    {
                        var type = artifact.Value.TryGetProperty("type", out var t) ? t.GetString() : null;
                        var props = artifact.Value.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                        if (type == "aws:cloudformation:stack" && props.ValueKind == JsonValueKind.Object
                            && props.TryGetProperty("templateFile", out var tf) && tf.GetString() is { } file)
                            templates.Add((file, LogicalIds(artifact.Value, directory)));
                        else if (type == "cdk:cloud-assembly" && props.ValueKind == JsonValueKind.Object
                            && props.TryGetProperty("directoryName", out var dn) && dn.GetString() is { } nested)
                            result.AddRange(Read(Path.Combine(directory, nested), problems, depth + 1));
                    }
            }
            catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                problems.Add(new SourceDiagnostic(Rules.RuleCodes.NotAnalysed, $"{manifestPath}: the cloud assembly manifest cannot be read ({e.Message})",
                    SourceRange.Empty(default)));
            }
        }
        // Without a usable manifest, every template in the folder.
        if (templates.Count == 0 && Directory.Exists(directory))
            templates.AddRange(Directory.EnumerateFiles(directory, "*.template.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), new Dictionary<string, string>())));

        foreach (var (file, paths) in templates)
        {
            var path = Path.GetFullPath(Path.Combine(directory, file));
            if (!File.Exists(path)) continue;
            string content;
            try { content = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (CloudFormationReader.Read(new SourceText(path, content)) is not { } document) continue;
            foreach (var (id, cdkPath) in MetadataPaths(content)) paths[id] = cdkPath;
            result.Add(new AssemblyTemplate(document, paths));
        }
        return result;
    }

    /// <summary>
    /// Manifest metadata, in the manifest or (CDK 2.1xx on) in the stack's <c>additionalMetadataFile</c>:
    /// <c>"/Stack/Bucket/Resource": [{ "type": "aws:cdk:logicalId", "data": "Bucket83908E77" }]</c>.
    /// </summary>
    private static Dictionary<string, string> LogicalIds(JsonElement artifact, string directory)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (artifact.TryGetProperty("metadata", out var metadata)) AddLogicalIds(metadata, result);
        if (artifact.TryGetProperty("additionalMetadataFile", out var extra) && extra.GetString() is { Length: > 0 } name
            && Path.Combine(directory, name) is var path && File.Exists(path))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            AddLogicalIds(json.RootElement, result);
        }
        return result;
    }

    private static void AddLogicalIds(JsonElement metadata, Dictionary<string, string> result)
    {
        if (metadata.ValueKind != JsonValueKind.Object) return;
        foreach (var entry in metadata.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in entry.Value.EnumerateArray())
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var t) && t.GetString() == "aws:cdk:logicalId"
                    && item.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String)
                    result[d.GetString()!] = entry.Name.TrimStart('/');
        }
    }

    private static IEnumerable<(string LogicalId, string Path)> MetadataPaths(string template)
    {
        var result = new List<(string, string)>();
        try
        {
            using var json = JsonDocument.Parse(template, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("Resources", out var resources)
                || resources.ValueKind != JsonValueKind.Object) return result;
            foreach (var r in resources.EnumerateObject())
                if (r.Value.ValueKind == JsonValueKind.Object && r.Value.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object
                    && m.TryGetProperty("aws:cdk:path", out var p) && p.ValueKind == JsonValueKind.String)
                    result.Add((r.Name, p.GetString()!));
        }
        catch (JsonException) { }
        return result;
    }
}
