using System.Text.RegularExpressions;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FinOpsCopilot.Core.Policy;

/// <summary>
/// Reads <c>.finops.yml</c>. Every problem — bad YAML, an unknown key, a wrong type, a bad regular expression —
/// is a <see cref="PolicyException"/> naming its line; a broken policy never silently becomes the default.
/// </summary>
public static class PolicyLoader
{
    public static readonly string[] FileNames = [".finops.yml", ".finops.yaml"];

    public static FinOpsPolicy Load(string path) => Parse(path, File.ReadAllText(path));

    public static FinOpsPolicy Parse(string path, string content)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new StringReader(content));
        try
        {
            stream.Load(parser);
        }
        catch (Exception ex) when (TrackingParser.IsSyntaxError(ex))
        {
            var (start, _, reason) = parser.Describe(ex);
            throw new PolicyException(path, Math.Max(1, (int)start.Line), Math.Max(1, (int)start.Column), "invalid YAML: " + reason);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new FinOpsPolicy { SourcePath = path };
        var reader = new Reader(path);
        return reader.Policy(stream.Documents[0].RootNode);
    }

    private sealed class Reader(string path)
    {
        public FinOpsPolicy Policy(YamlNode node)
        {
            var root = Mapping(node, "the policy");
            TagPolicy tags = new();
            var levels = new Dictionary<string, Severity?>(StringComparer.Ordinal);
            string? region = null;
            var usage = UsagePolicy.Empty;
            var cost = CostPolicy.Default;
            foreach (var (key, value) in Entries(root, "version", "region", "tags", "rules", "usage", "cost"))
            {
                switch (key)
                {
                    case "version":
                        if (Scalar(value, "version") != "1") throw Error(value, "only version 1 is supported");
                        break;
                    case "region":
                        region = Scalar(value, "region");
                        break;
                    case "tags":
                        tags = Tags(value);
                        break;
                    case "usage":
                        usage = Usage(value);
                        break;
                    case "cost":
                        cost = Cost(value);
                        break;
                    case "rules":
                        foreach (var (code, level) in Entries(Mapping(value, "rules"), null))
                        {
                            if (!RuleCatalog.IsKnownCode(code))
                                throw Error(level.Start, $"unknown rule '{code}'{Suggest(code, RuleCatalog.Codes)}");
                            var text = Scalar(level, code);
                            if (text == "off") levels[code] = null;
                            else if (SeverityNames.TryParse(text, out var severity)) levels[code] = severity;
                            else throw Error(level, $"'{text}' is not a level: use off, info, warning or error");
                        }
                        break;
                }
            }
            return new FinOpsPolicy { SourcePath = path, Tags = tags, RuleLevels = levels, Region = region, Usage = usage, Cost = cost };
        }

        private UsagePolicy Usage(YamlNode node)
        {
            var defaults = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
            var resources = new List<UsageOverride>();
            foreach (var (key, value) in Entries(Mapping(node, "usage"), "defaults", "resources"))
                foreach (var (name, figures) in Entries(Mapping(value, $"usage.{key}"), null))
                {
                    var values = UsageFigures(figures, name);
                    if (key == "defaults") defaults[name] = values;
                    else resources.Add(new UsageOverride(name, values));
                }
            return new UsagePolicy { Defaults = defaults, Resources = resources };
        }

        private CostPolicy Cost(YamlNode node)
        {
            var cost = CostPolicy.Default;
            foreach (var (key, value) in Entries(Mapping(node, "cost"), "environmentTags", "nonProductionEnvironments"))
                cost = key == "environmentTags"
                    ? new CostPolicy { EnvironmentTags = Strings(value, key), NonProductionEnvironments = cost.NonProductionEnvironments }
                    : new CostPolicy { EnvironmentTags = cost.EnvironmentTags, NonProductionEnvironments = Strings(value, key) };
            return cost;
        }

        private Dictionary<string, decimal> UsageFigures(YamlNode node, string owner)
        {
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (key, value) in Entries(Mapping(node, $"usage of '{owner}'"), [.. Pricing.UsageKeys.All]))
            {
                var text = Scalar(value, key);
                if (!decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 0)
                    throw Error(value, $"{key} must be a number of zero or more, not '{text}'");
                values[key] = number;
            }
            return values;
        }

        private TagPolicy Tags(YamlNode node)
        {
            var required = new List<RequiredTag>();
            bool caseKeys = true, caseValues = true;
            List<string> appliesTo = [], exemptTypes = [], exemptResources = [];
            foreach (var (key, value) in Entries(Mapping(node, "tags"), "required", "caseSensitiveKeys", "caseSensitiveValues", "appliesTo", "exempt", "organizationPolicy"))
            {
                switch (key)
                {
                    case "required":
                        foreach (var item in Sequence(value, "tags.required").Children) required.Add(Required(item));
                        break;
                    case "caseSensitiveKeys": caseKeys = Bool(value, key); break;
                    case "caseSensitiveValues": caseValues = Bool(value, key); break;
                    case "appliesTo": appliesTo = Strings(value, key); break;
                    case "exempt":
                        foreach (var (k, v) in Entries(Mapping(value, "exempt"), "types", "resources"))
                            if (k == "types") exemptTypes = Strings(v, k); else exemptResources = Strings(v, k);
                        break;
                    case "organizationPolicy":
                    {
                        var file = Scalar(value, key);
                        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", file));
                        if (!File.Exists(full)) throw Error(value, $"organization tag policy '{file}' not found");
                        foreach (var tag in OrganizationTagPolicy.Load(full))
                            if (!required.Any(r => string.Equals(r.Key, tag.Key, StringComparison.OrdinalIgnoreCase))) required.Add(tag);
                        break;
                    }
                }
            }
            var duplicate = required.GroupBy(r => r.Key).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw Error(node, $"tag key '{duplicate.Key}' is required twice");
            return new TagPolicy
            {
                Required = required, CaseSensitiveKeys = caseKeys, CaseSensitiveValues = caseValues,
                AppliesTo = appliesTo, ExemptTypes = exemptTypes, ExemptResources = exemptResources,
            };
        }

        private RequiredTag Required(YamlNode node)
        {
            if (node is YamlScalarNode) return new RequiredTag(NonEmpty(node, "tag key"));
            string? key = null;
            List<string>? values = null;
            Regex? pattern = null;
            foreach (var (k, v) in Entries(Mapping(node, "a required tag"), "key", "values", "pattern"))
            {
                switch (k)
                {
                    case "key": key = NonEmpty(v, "key"); break;
                    case "values": values = Strings(v, "values"); break;
                    case "pattern":
                        var text = Scalar(v, "pattern");
                        try { pattern = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
                        catch (ArgumentException ex) { throw Error(v, $"invalid regular expression: {ex.Message}"); }
                        break;
                }
            }
            if (key is null) throw Error(node, "a required tag needs a 'key'");
            return new RequiredTag(key, values, pattern);
        }

        private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map, params string[]? allowed)
        {
            foreach (var (k, v) in map.Children)
            {
                var key = k is YamlScalarNode { Value: { } s } ? s : throw Error(k, "keys must be plain names");
                if (allowed is { Length: > 0 } && !allowed.Contains(key))
                    throw Error(k, $"unknown key '{key}'{Suggest(key, allowed)}");
                yield return (key, v);
            }
        }

        private YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

        private YamlSequenceNode Sequence(YamlNode node, string what) =>
            node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

        private string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } s } ? s : throw Error(node, $"{what} must be a single value");

        private string NonEmpty(YamlNode node, string what) =>
            Scalar(node, what) is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : throw Error(node, $"{what} must not be empty");

        private bool Bool(YamlNode node, string what) => Scalar(node, what) switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            var other => throw Error(node, $"{what} must be true or false, not '{other}'"),
        };

        private List<string> Strings(YamlNode node, string what) => node switch
        {
            YamlScalarNode s => [NonEmpty(s, what)],
            YamlSequenceNode q => q.Children.Select(c => NonEmpty(c, what)).ToList(),
            _ => throw Error(node, $"{what} must be a list of values"),
        };

        private PolicyException Error(YamlNode node, string reason) => Error(node.Start, reason);

        private PolicyException Error(Mark mark, string reason) => new(path, (int)mark.Line, (int)mark.Column, reason);
    }

    private static string Suggest(string key, IEnumerable<string> options)
    {
        var best = options.OrderBy(o => Distance(key.ToLowerInvariant(), o.ToLowerInvariant())).FirstOrDefault();
        return best is not null && Distance(key.ToLowerInvariant(), best.ToLowerInvariant()) <= Math.Max(2, key.Length / 3)
            ? $" (did you mean '{best}'?)" : $" (expected one of: {string.Join(", ", options)})";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
