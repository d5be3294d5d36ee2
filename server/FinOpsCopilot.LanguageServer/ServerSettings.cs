using System.Text.Json;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.LanguageServer;

/// <summary>
/// The client's <c>finopsCopilot</c> settings: region, a policy file, rule severities and which formats to analyse.
/// Unknown or malformed values are ignored (the editor validates settings); nothing here can stop the server.
/// </summary>
public sealed record ServerSettings(
    string? Region,
    string? PolicyPath,
    IReadOnlyDictionary<string, Severity?> Severities,
    IReadOnlySet<string> DisabledFormats,
    int DebounceMilliseconds)
{
    public static readonly ServerSettings Default = new(null, null, new Dictionary<string, Severity?>(), new HashSet<string>(), 200);

    public static ServerSettings From(JsonElement? section)
    {
        if (section is not { ValueKind: JsonValueKind.Object } s) return Default;
        string? Str(string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } t ? t : null;
        var severities = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        if (s.TryGetProperty("severity", out var sev) && sev.ValueKind == JsonValueKind.Object)
            foreach (var p in sev.EnumerateObject())
            {
                var level = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                if (level == "off") severities[p.Name] = null;
                else if (SeverityNames.TryParse(level, out var parsed)) severities[p.Name] = parsed;
            }
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        if (s.TryGetProperty("formats", out var formats) && formats.ValueKind == JsonValueKind.Object)
            foreach (var p in formats.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.False) disabled.Add(p.Name);
        int debounce = s.TryGetProperty("debounceMilliseconds", out var d) && d.TryGetInt32(out var ms) ? Math.Clamp(ms, 0, 5000) : Default.DebounceMilliseconds;
        return new ServerSettings(Str("region"), Str("policyPath"), severities, disabled, debounce);
    }

    private static readonly string[] Keys = ["region", "policyPath", "severity", "formats", "debounceMilliseconds"];

    /// <summary>Whether an object is our settings section itself (some clients send it without the section name).</summary>
    public static bool LooksLikeSection(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.EnumerateObject().Any(p => Keys.Contains(p.Name));

    /// <summary>Whether documents of this format are analysed (settings name families: cloudformation, terraform, cdk).</summary>
    public bool Analyses(IacFormat format) => !DisabledFormats.Contains(format switch
    {
        IacFormat.CloudFormationYaml or IacFormat.CloudFormationJson => "cloudformation",
        IacFormat.Terraform or IacFormat.TerraformJson => "terraform",
        _ => "cdk",
    });
}
