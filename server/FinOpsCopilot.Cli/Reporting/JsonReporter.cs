using System.Text.Encodings.Web;
using System.Text.Json;
using FinOpsCopilot.Core;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>
/// The machine-readable report, schema version 1 (docs/json-output.md). Its shape is a contract that tests pin:
/// add fields only in a new schema version.
/// </summary>
public sealed class JsonReporter : IReporter
{
    /// <summary>The monthly cost fields (and findings' monthlySaving) are additions to version 1; no existing field changed.</summary>
    public const int SchemaVersion = 1;

    public void Write(Report report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", ProductInfo.ToolName);
            w.WriteString("version", ProductInfo.Version);
            w.WriteEndObject();

            w.WriteStartArray("files");
            foreach (var d in report.Documents)
            {
                w.WriteStartObject();
                w.WriteString("path", report.DisplayPath(d.Path));
                w.WriteString("format", d.Format.ToId());
                w.WriteNumber("resourceCount", d.Resources.Count);
                if (report.Costs.For(d) is { } fileCost)
                    CostSections.WriteJsonSum(w, fileCost.Amount, fileCost.IsPartial, fileCost.Region, fileCost.RegionError);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("resources");
            foreach (var d in report.Documents)
                foreach (var r in d.Resources)
                {
                    w.WriteStartObject();
                    w.WriteString("address", r.Address);
                    w.WriteString("type", r.Type);
                    w.WriteString("name", r.Name);
                    w.WriteString("file", report.DisplayPath(r.FilePath));
                    WriteRange(w, "range", r.Range);
                    w.WriteStartObject("tags");
                    foreach (var t in r.Tags)
                        if (t.Value is null) w.WriteNull(t.Key); else w.WriteString(t.Key, t.Value);
                    w.WriteEndObject();
                    if (report.Costs.For(r) is { } estimate) CostSections.WriteJson(w, estimate); else w.WriteNull("monthlyCost");
                    w.WriteEndObject();
                }
            w.WriteEndArray();

            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("severity", f.Severity.ToId());
                w.WriteString("message", f.Message);
                w.WriteString("file", report.DisplayPath(f.FilePath));
                WriteRange(w, "range", f.Range);
                if (f.ResourceAddress is null) w.WriteNull("resource"); else w.WriteString("resource", f.ResourceAddress);
                if (f.MonthlySaving is { } saving) w.WriteNumber("monthlySaving", saving);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartObject("summary");
            w.WriteNumber("files", report.Documents.Count);
            w.WriteNumber("resources", report.ResourceCount);
            w.WriteStartObject("findings");
            w.WriteNumber("error", report.Count(Severity.Error));
            w.WriteNumber("warning", report.Count(Severity.Warning));
            w.WriteNumber("info", report.Count(Severity.Info));
            w.WriteEndObject();
            CostSections.WriteJsonSum(w, report.Costs.Total, report.Costs.IsPartial);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteRange(Utf8JsonWriter w, string name, SourceRange range)
    {
        w.WriteStartObject(name);
        WritePosition(w, "start", range.Start);
        WritePosition(w, "end", range.End);
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, string name, SourcePosition p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("line", p.Line);
        w.WriteNumber("character", p.Character);
        w.WriteEndObject();
    }
}
