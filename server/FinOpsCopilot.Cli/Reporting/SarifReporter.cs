using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinOpsCopilot.Core;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: rules with help URIs, 1-based regions counted in
/// UTF-16 code units (SARIF's default column kind, the same as LSP), paths relative to <c>%SRCROOT%</c>.
/// </summary>
public sealed class SarifReporter : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(Report report, TextWriter output)
    {
        var rules = report.RulesUsed();
        var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", ProductInfo.ToolName);
            w.WriteString("fullName", ProductInfo.DisplayName);
            w.WriteString("version", ProductInfo.Version);
            w.WriteString("semanticVersion", ProductInfo.Version);
            w.WriteString("informationUri", ProductInfo.RepositoryUrl);
            w.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(w, rule);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject("%SRCROOT%");
            w.WriteString("uri", new Uri(report.BaseDirectory.TrimEnd('/') + "/").AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var f in report.Findings) WriteResult(w, report, f, ruleIndex[f.RuleId]);
            w.WriteEndArray();
            w.WriteStartObject("properties");
            CostSections.WriteSarifCosts(w, report);
            w.WriteEndObject();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Code);
        w.WriteString("name", ToPascal(rule.Code));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rule.Description);
        w.WriteEndObject();
        w.WriteString("helpUri", rule.HelpUri.AbsoluteUri);
        w.WriteStartObject("help");
        w.WriteString("text", $"{rule.Description} See {rule.HelpUri.AbsoluteUri}");
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue("finops");
        w.WriteStringValue(rule.Category);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Report report, Finding f, int index)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteNumber("ruleIndex", index);
        w.WriteString("level", Level(f.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", f.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", UriPath(report.DisplayPath(f.FilePath)));
        w.WriteString("uriBaseId", "%SRCROOT%");
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", f.Range.Start.Line + 1);
        w.WriteNumber("startColumn", f.Range.Start.Character + 1);
        if (f.Range.End != f.Range.Start)
        {
            w.WriteNumber("endLine", f.Range.End.Line + 1);
            w.WriteNumber("endColumn", f.Range.End.Character + 1);
        }
        w.WriteEndObject();
        w.WriteEndObject();
        if (f.ResourceAddress is not null)
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("name", f.ResourceAddress);
            w.WriteString("kind", "resource");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("partialFingerprints");
        w.WriteString("finopsFinding/v1", Fingerprint(report.DisplayPath(f.FilePath), f));
        w.WriteEndObject();
        if (f.MonthlySaving is { } saving)
        {
            w.WriteStartObject("properties");
            w.WriteNumber("monthlySaving", saving);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>Stable across line moves: the file, rule, resource and message, not the position.</summary>
    private static string Fingerprint(string path, Finding f)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{path}\n{f.RuleId}\n{f.ResourceAddress}\n{f.Message}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }

    private static string UriPath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string ToPascal(string code) =>
        string.Concat(code.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
