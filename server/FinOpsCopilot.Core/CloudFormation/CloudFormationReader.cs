using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.ResourceTypes;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>
/// Reads a CloudFormation (or SAM) template, YAML or JSON, into an <see cref="IacDocument"/>.
/// Returns null for a file that is not a template, so other YAML and JSON files are skipped silently.
/// </summary>
public static class CloudFormationReader
{
    public const string SamTransform = "AWS::Serverless-2016-10-31";

    public static IacDocument? Read(SourceText text)
    {
        if (!TemplateDetector.MayBeTemplate(text.Content)) return null;
        bool json = TemplateDetector.IsJson(text.Path, text.Content);
        var syntax = json ? JsonTemplateReader.Read(text) : YamlTemplateReader.Read(text);
        var diagnostics = new List<SourceDiagnostic>(syntax.Diagnostics);
        var root = syntax.Root as TemplateMapping;

        bool broken = syntax.Diagnostics.Any(d => d.Code == RuleCodes.ParseError);
        if (!IsTemplate(root) && !(broken && LooksLikeTemplateText(text.Content))) return null;

        var resources = root is null ? [] : new Binder(text, root, diagnostics).BindResources();
        return new IacDocument
        {
            Text = text,
            Format = json ? IacFormat.CloudFormationJson : IacFormat.CloudFormationYaml,
            Resources = resources,
            Diagnostics = diagnostics,
            Syntax = syntax.Root,
        };
    }

    /// <summary>A template has a format version, or a Resources map whose entries have a <c>Type</c> with <c>::</c>.</summary>
    public static bool IsTemplate(TemplateMapping? root)
    {
        if (root is null) return false;
        if (root.Find("AWSTemplateFormatVersion") is not null) return true;
        if (root["Resources"] is not TemplateMapping resources) return false;
        foreach (var entry in resources.Entries)
            if (entry.Value is TemplateMapping r && r["Type"] is TemplateScalar { Value: var type } && type.Contains("::", StringComparison.Ordinal))
                return true;
        return resources.Entries.Count > 0 && resources.Entries.All(e => e.Key.Value.StartsWith("Fn::ForEach", StringComparison.Ordinal));
    }

    private static bool LooksLikeTemplateText(string content) =>
        content.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal)
        || (content.Contains("Resources", StringComparison.Ordinal) && content.Contains("AWS::", StringComparison.Ordinal));

    private sealed class Binder(SourceText text, TemplateMapping root, List<SourceDiagnostic> diagnostics)
    {
        private readonly TemplateEvaluator _eval = new(text, root, diagnostics);
        private readonly ResourceTypeCatalog _catalog = ResourceTypeCatalog.CloudFormation;
        private readonly InlineSuppressions _suppressions = InlineSuppressions.Scan(text);
        private readonly bool _sam = IsSam(root);
        private readonly List<string> _macros = Macros(root);

        private SourceRange R(TemplateNode node) => text.RangeOf(node.Span);

        public List<IacResource> BindResources()
        {
            var result = new List<IacResource>();
            var resourcesNode = root.Find("Resources");
            if (resourcesNode?.Value is not TemplateMapping resources)
            {
                var at = resourcesNode?.Value ?? (TemplateNode)root;
                diagnostics.Add(new SourceDiagnostic(RuleCodes.TemplateInvalid,
                    resourcesNode is null ? "The template has no Resources section" : "Resources must be a mapping of logical IDs to resources",
                    resourcesNode is null ? SourceRange.Empty(new SourcePosition(0, 0)) : R(at)));
                return result;
            }
            if (_macros.Count > 0 && root.Find("Transform") is { } transform)
                diagnostics.Add(new SourceDiagnostic(RuleCodes.NotAnalysed,
                    $"The template is processed by the macro {string.Join(", ", _macros)} at deploy time; what the macro generates is not analysed, and its resource types are not checked",
                    R(transform.Key)));
            var globals = _sam ? root["Globals"] as TemplateMapping : null;
            var seen = new Dictionary<string, TemplateScalar>(StringComparer.Ordinal);
            foreach (var (key, value) in resources.Entries)
            {
                if (key.Value.StartsWith("Fn::ForEach", StringComparison.Ordinal))
                {
                    diagnostics.Add(new SourceDiagnostic(RuleCodes.NotAnalysed,
                        $"'{key.Value}' (AWS::LanguageExtensions) generates resources at deploy time; they are not analysed", R(key)));
                    continue;
                }
                if (seen.TryGetValue(key.Value, out var first))
                {
                    diagnostics.RemoveAll(d => d.Code == RuleCodes.TemplateInvalid && d.Range == R(key));
                    diagnostics.Add(new SourceDiagnostic(RuleCodes.TemplateInvalid,
                        $"Duplicate logical ID '{key.Value}' (first declared at line {R(first).Start.Line + 1})", R(key)));
                    continue;
                }
                seen[key.Value] = key;
                if (Bind(key, value, globals) is { } resource) result.Add(resource);
            }
            return result;
        }

        private IacResource? Bind(TemplateScalar key, TemplateNode value, TemplateMapping? globals)
        {
            if (value is not TemplateMapping body)
            {
                diagnostics.Add(new SourceDiagnostic(RuleCodes.TemplateInvalid, $"Resource '{key.Value}' must be a mapping with a Type", R(value)));
                return null;
            }
            if (RainModule(body["Type"]) is { } module)
            {
                diagnostics.Add(new SourceDiagnostic(RuleCodes.NotAnalysed,
                    $"Resource '{key.Value}' is a Rain module ({module}); it is expanded by 'rain pkg', not analysed here", R(key)));
                return null;
            }
            if (body["Type"] is not TemplateScalar { Value.Length: > 0 } typeNode)
            {
                diagnostics.Add(new SourceDiagnostic(RuleCodes.TemplateInvalid, $"Resource '{key.Value}' has no Type", R(key)));
                return null;
            }
            var type = typeNode.Value;
            var info = _catalog.Find(type);
            if (info is null && IsAwsNamespace(type) && _macros.Count == 0)
                diagnostics.Add(new SourceDiagnostic(RuleCodes.ResourceTypeUnknown, $"Unknown resource type '{type}'", R(typeNode)));

            var propertiesEntry = body.Find("Properties");
            var properties = propertiesEntry is null ? null : _eval.Evaluate(propertiesEntry.Value);
            var propertyMap = properties as MapValue ?? new MapValue([], propertiesEntry is null ? R(body) : R(propertiesEntry.Value));
            if (globals is not null && type.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
                propertyMap = WithGlobalProperties(propertyMap, globals, type["AWS::Serverless::".Length..]);

            var shape = info?.TagShape ?? TagShape.None;
            var tagProperty = info?.TagProperty ?? "Tags";
            var tags = new List<ResourceTag>();
            string? unknownTags = properties is UnknownValue u ? $"properties are {u.Reason}" : null;
            TagContainer? container = null;
            if (shape != TagShape.None)
            {
                var tagsEntry = propertyMap.Entry(tagProperty);
                unknownTags ??= ReadTags(tagsEntry?.Value, shape, TagSource.Inline, tags);
                container = new TagContainer(tagProperty, shape, tagsEntry?.KeyRange, tagsEntry?.Value.Range,
                    propertiesEntry is null ? R(body) : R(propertiesEntry.Value));
                if (globals is not null && type.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
                    AddGlobalTags(globals, type["AWS::Serverless::".Length..], shape, tags);
            }

            var range = new SourceRange(R(key).Start, R(value).End);
            return new IacResource
            {
                Type = type,
                Name = key.Value,
                Address = key.Value,
                FilePath = text.Path,
                Range = range,
                NameRange = R(key),
                Properties = propertyMap,
                Tags = tags,
                TagShape = shape,
                TagContainer = container,
                UnknownTagsReason = unknownTags,
                IgnoredRules = IgnoredRules(body, range),
            };
        }

        /// <summary>
        /// Rules silenced by a <c>finops:ignore</c> comment or, in any syntax (JSON has no comments), by
        /// <c>Metadata: {finops: {ignore: [codes]}}</c> on the resource, as cfn-lint reads its own metadata.
        /// </summary>
        private IReadOnlySet<string> IgnoredRules(TemplateMapping body, SourceRange range)
        {
            var codes = new HashSet<string>(_suppressions.For(range), StringComparer.Ordinal);
            var ignore = ((body["Metadata"] as TemplateMapping)?["finops"] as TemplateMapping)?["ignore"];
            if (ignore is TemplateScalar one) codes.Add(one.Value);
            if (ignore is TemplateSequence many) codes.UnionWith(many.Items.OfType<TemplateScalar>().Select(s => s.Value));
            return codes;
        }

        /// <summary>SAM <c>Globals: {Function: {Tags: …}}</c> apply under the resource's own tags.</summary>
        private void AddGlobalTags(TemplateMapping globals, string kind, TagShape shape, List<ResourceTag> tags)
        {
            if ((globals[kind] as TemplateMapping)?["Tags"] is not { } node) return;
            var value = _eval.Evaluate(node);
            var global = new List<ResourceTag>();
            ReadTags(value, shape, TagSource.StackDefault, global);
            foreach (var tag in global)
                if (!tags.Any(t => t.Key == tag.Key)) tags.Add(tag);
        }

        /// <summary>
        /// SAM <c>Globals</c> properties (MemorySize, Architectures…) the resource does not set itself, so estimates see
        /// what SAM deploys. Tags are merged separately, key by key.
        /// </summary>
        private MapValue WithGlobalProperties(MapValue properties, TemplateMapping globals, string kind)
        {
            if (globals[kind] is not TemplateMapping section) return properties;
            var added = new List<MapEntry>();
            foreach (var e in section.Entries)
                if (e.Key.Value != "Tags" && properties.Entry(e.Key.Value) is null && _eval.Evaluate(e.Value) is { } value)
                    added.Add(new MapEntry(e.Key.Value, R(e.Key), value));
            return added.Count == 0 ? properties : new MapValue([.. properties.Entries, .. added], properties.Range);
        }

        /// <summary>Reads tags of either shape into <paramref name="tags"/>; returns why some may be unknown, or null.</summary>
        private static string? ReadTags(IacValue? value, TagShape shape, TagSource source, List<ResourceTag> tags)
        {
            switch (value)
            {
                case null or NullValue:
                    return null;
                case UnknownValue u:
                    return $"tags are {u.Reason}";
                case MapValue map:
                    foreach (var e in map.Entries) tags.Add(Tag(e.Key, e.KeyRange, e.Value, source));
                    return null;
                case ListValue list:
                {
                    string? unknown = null;
                    foreach (var item in list.Items)
                    {
                        if (item is UnknownValue ui) { unknown ??= $"a tag is {ui.Reason}"; continue; }
                        if (item is not MapValue kv || kv.Entry("Key") is not { } keyEntry) continue;
                        if (keyEntry.Value.AsString() is not { } k) { unknown ??= "a tag key is known only at deploy time"; continue; }
                        var v = kv["Value"];
                        tags.Add(Tag(k, keyEntry.Value.Range, v, source));
                    }
                    return unknown;
                }
                default:
                    return null;
            }
        }

        private static ResourceTag Tag(string key, SourceRange keyRange, IacValue? value, TagSource source)
        {
            var valueRange = value?.Range ?? keyRange;
            return value switch
            {
                UnknownValue u => new ResourceTag(key, null, source, keyRange, valueRange, u.Reason),
                null or NullValue => new ResourceTag(key, "", source, keyRange, valueRange),
                _ when value.AsString() is { } s => new ResourceTag(key, s, source, keyRange, valueRange),
                _ => new ResourceTag(key, null, source, keyRange, valueRange, "not a scalar"),
            };
        }

        /// <summary>A Rain module reference: <c>Type: !Rain::Module path</c> or <c>{"Rain::Module": path}</c>.</summary>
        private static string? RainModule(TemplateNode? type) => type switch
        {
            TemplateScalar { Tag: { } tag } s when tag.StartsWith("!Rain::", StringComparison.Ordinal) => $"'{s.Value}'",
            TemplateMapping { Entries: [var only] } when only.Key.Value.StartsWith("Rain::", StringComparison.Ordinal) => $"'{(only.Value as TemplateScalar)?.Value}'",
            _ => null,
        };

        /// <summary>Transforms that are user macros rather than AWS's own (which this reader understands or ignores safely).</summary>
        private static List<string> Macros(TemplateMapping root)
        {
            var names = root["Transform"] switch
            {
                TemplateScalar s => [s.Value],
                TemplateSequence q => q.Items.OfType<TemplateScalar>().Select(i => i.Value).ToList(),
                _ => new List<string>(),
            };
            return names.Where(n => !n.StartsWith("AWS::", StringComparison.Ordinal)).ToList();
        }

        private static bool IsAwsNamespace(string type) =>
            (type.StartsWith("AWS::", StringComparison.Ordinal) || type.StartsWith("Alexa::", StringComparison.Ordinal))
            && type != "AWS::CloudFormation::CustomResource";

        private static bool IsSam(TemplateMapping root) => root["Transform"] switch
        {
            TemplateScalar s => s.Value == SamTransform,
            TemplateSequence q => q.Items.OfType<TemplateScalar>().Any(s => s.Value == SamTransform),
            _ => false,
        };
    }
}
